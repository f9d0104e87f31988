/**
 * The shared countdown as a projector shows it: minutes and seconds in type a room can read from the
 * back (at least a tenth of the screen's height), and its state in words, not colour alone. Hidden
 * until the facilitator has used the timer, like the session bar's.
 */
import { useTranslation } from 'react-i18next'
import { useControlState } from '../session/useControl'
import { formatRemaining, splitRemaining } from './format'
import { useRemaining } from './useRemaining'

export function PresentationTimer() {
  const { t } = useTranslation()
  const { timer } = useControlState()
  const remaining = useRemaining(timer)
  const running = timer.endsAt !== null
  const ended = running && remaining === 0
  const used = running || timer.remainingMs !== timer.durationMs
  const { minutes, seconds } = splitRemaining(remaining)
  const state = ended ? 'ended' : running ? 'running' : 'paused'
  if (!used) return null
  return (
    <div className="presentation-timer" data-state={state}>
      <span
        className="presentation-timer-time"
        role="timer"
        aria-label={t('facilitation.timer.spoken', { minutes, seconds })}
        data-remaining-ms={remaining}
      >
        {formatRemaining(remaining)}
      </span>
      <span className="presentation-timer-state">{t(`facilitation.timer.${state}`)}</span>
    </div>
  )
}

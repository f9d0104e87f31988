/**
 * The shared countdown as a projector shows it: minutes and seconds in type a room can read from the
 * back (at least a tenth of the screen's height), and its state in words, not colour alone. Hidden
 * until the facilitator has used the timer, like the session bar's.
 */
import { useTranslation } from 'react-i18next'
import { formatRemaining, splitRemaining } from './format'
import { useTimerView } from './useTimerView'

export function PresentationTimer() {
  const { t } = useTranslation()
  const { remaining, state, used } = useTimerView()
  const { minutes, seconds } = splitRemaining(remaining)
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

/**
 * The shared countdown everyone sees in the session bar, by the relay's clock so every screen shows
 * the same time. The end is shown in words (not only by colour), announced once through the board's announcer,
 * and, for people who switched sound on, signalled with two tones.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { announce } from '../announce/LiveAnnouncer'
import { formatRemaining, splitRemaining } from './format'
import { playEndSignal, unlockSound } from './sound'
import { useTimerView } from './useTimerView'
import { useBoard, useFacilitationUi } from '../session/BoardContext'

export function TimerDisplay() {
  const { facilitationUi } = useBoard()
  const { t } = useTranslation()
  const { remaining, state, used } = useTimerView()
  const soundOn = useFacilitationUi((ui) => ui.soundOn)
  const ended = state === 'ended'
  // Starts as whatever was true on arrival: joining after the end announces nothing.
  const wasEnded = useRef(ended)

  useEffect(() => {
    if (ended && !wasEnded.current) {
      announce(t('facilitation.timer.endedAnnouncement'))
      if (facilitationUi.getState().soundOn) playEndSignal()
    }
    wasEnded.current = ended
  }, [ended, t, facilitationUi])

  useEffect(() => {
    if (!soundOn) return
    // Sound switched on in an earlier visit: audio may start only after a gesture on this page.
    const unlock = () => unlockSound()
    document.addEventListener('pointerdown', unlock, { once: true })
    document.addEventListener('keydown', unlock, { once: true })
    return () => {
      document.removeEventListener('pointerdown', unlock)
      document.removeEventListener('keydown', unlock)
    }
  }, [soundOn])

  const { minutes, seconds } = splitRemaining(remaining)
  return (
    <div className="timer" data-state={state} hidden={!used}>
      <span
        className="timer-time"
        role="timer"
        aria-label={t('facilitation.timer.spoken', { minutes, seconds })}
        data-remaining-ms={remaining}
      >
        {formatRemaining(remaining)}
      </span>
      <span className="timer-state">{t(`facilitation.timer.${state}`)}</span>
      <button
        type="button"
        className="icon-button timer-sound"
        aria-pressed={soundOn}
        aria-label={t('facilitation.timer.sound')}
        title={t('facilitation.timer.sound')}
        onClick={() => {
          if (!soundOn) unlockSound()
          facilitationUi.getState().setSoundOn(!soundOn)
        }}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" />
          {soundOn ? (
            <path d="M11 5.5a3.5 3.5 0 0 1 0 5" stroke="currentColor" strokeWidth="1.5" fill="none" />
          ) : (
            <path d="M11 6l4 4M15 6l-4 4" stroke="currentColor" strokeWidth="1.5" />
          )}
        </svg>
      </button>
    </div>
  )
}

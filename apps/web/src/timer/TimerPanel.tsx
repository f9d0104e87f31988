/**
 * The facilitator's timer controls: set the minutes, start or pause, add a minute, reset. Times are
 * given by the relay's clock, so every screen counts down to the same moment.
 */
import { addTime, pauseTimer, resetTimer, setTimer, startTimer } from '@samla/board'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { CountField } from '../components/CountField'
import { controlWrite } from '../session/controlWrite'
import { useControlState } from '../session/useControl'
import { relayNow } from './clock'
import { formatRemaining } from './format'
import { useRemaining } from './useRemaining'

const MINUTE = 60_000
const MAX_MINUTES = 24 * 60

export function TimerPanel() {
  const { t } = useTranslation()
  const session = useBoard()
  const { controlDoc } = session
  const { timer } = useControlState()
  const remaining = useRemaining(timer)
  const [minutes, setMinutes] = useState(Math.max(1, Math.round(timer.durationMs / MINUTE)))
  const headingId = useId()
  const running = timer.endsAt !== null

  const set = (event: FormEvent) => {
    event.preventDefault()
    controlWrite(session, () => setTimer(controlDoc, Math.round(minutes * MINUTE)))
  }

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('facilitation.timer.heading')} <span className="panel-time">{formatRemaining(remaining)}</span>
      </h3>
      <form className="panel-form" onSubmit={set}>
        <CountField label={t('facilitation.timer.minutes')} max={MAX_MINUTES} value={minutes} onChange={setMinutes} />
        <button type="submit" className="button">
          {t('facilitation.timer.set')}
        </button>
      </form>
      <div className="panel-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!running && remaining === 0}
          onClick={() =>
            controlWrite(session, () =>
              running ? pauseTimer(controlDoc, relayNow()) : startTimer(controlDoc, relayNow()),
            )
          }
        >
          {running ? t('facilitation.timer.pause') : t('facilitation.timer.start')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => controlWrite(session, () => addTime(controlDoc, MINUTE, relayNow()))}
        >
          {t('facilitation.timer.addMinute')}
        </button>
        <button type="button" className="button" onClick={() => controlWrite(session, () => resetTimer(controlDoc))}>
          {t('facilitation.timer.reset')}
        </button>
      </div>
    </section>
  )
}

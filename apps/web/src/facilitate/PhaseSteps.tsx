/**
 * The workshop's phases (write → cluster → vote → discuss) as numbered steps everyone sees, the
 * current one marked in words and shape as well as colour. The facilitator changes the phase by
 * choosing a step; everyone hears the change in a polite live region.
 */
import { PHASES, type Phase, setPhase } from '@samla/board'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { controlWrite } from '../session/controlWrite'
import { useControlState } from '../session/useControl'

function useAnnouncement(phase: Phase): string {
  const { t } = useTranslation()
  const previous = useRef(phase)
  const [text, setText] = useState('')
  useEffect(() => {
    if (previous.current !== phase) setText(t('facilitation.phase.now', { phase: t(`facilitation.phase.${phase}`) }))
    previous.current = phase
  }, [phase, t])
  return text
}

export function PhaseSteps() {
  const { t } = useTranslation()
  const session = useBoard()
  const { phase } = useControlState()
  const announcement = useAnnouncement(phase)
  const facilitator = session.role === 'facilitator'
  return (
    <div className="phase-steps">
      <span className="phase-label">{t('facilitation.phase.label')}</span>
      <ol aria-label={t('facilitation.phase.label')}>
        {PHASES.map((step, i) => {
          const current = step === phase
          const text = `${i + 1}. ${t(`facilitation.phase.${step}`)}`
          return (
            <li
              key={step}
              className="phase-step"
              data-current={current}
              // On the step itself, or for the facilitator on the button that is the step.
              aria-current={current && !facilitator ? 'step' : undefined}
            >
              {facilitator ? (
                <button
                  type="button"
                  className="phase-button"
                  aria-current={current ? 'step' : undefined}
                  aria-label={t('facilitation.phase.set', { phase: text })}
                  onClick={() => controlWrite(session, () => setPhase(session.controlDoc, step))}
                >
                  {text}
                </button>
              ) : (
                <span>{text}</span>
              )}
            </li>
          )
        })}
      </ol>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  )
}

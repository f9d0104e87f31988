/**
 * The facilitator's panel section for the projector: present on this screen, put the join screen
 * (the participant link's QR code) on every presentation, and show the results on the board for
 * everyone. The last two travel to the viewers through the control doc, which only facilitators write.
 */
import { setJoinToken } from '@samla/board'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { controlWrite } from '../session/controlWrite'
import { setPresenting } from '../session/presenting'
import { useControlState } from '../session/useControl'
import { ResultsOnBoardToggle } from '../results/ResultsOnBoardToggle'
import { showJoinScreen } from './joinScreenLink'

function JoinScreenToggle() {
  const { t } = useTranslation()
  const session = useBoard()
  const { joinToken } = useControlState()
  const [failed, setFailed] = useState(false)
  const hintId = useId()
  const show = async (on: boolean) => {
    setFailed(false)
    if (!on) {
      controlWrite(session, () => setJoinToken(session.controlDoc, null))
      return
    }
    try {
      await showJoinScreen(session)
    } catch {
      setFailed(true)
    }
  }
  return (
    <>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={joinToken !== null}
          aria-describedby={hintId}
          onChange={(event) => void show(event.currentTarget.checked)}
        />
        {t('presentation.projector.joinScreen')}
      </label>
      <p id={hintId} className="panel-hint">
        {t('presentation.projector.joinHint')}
      </p>
      {failed && (
        <p className="form-error" role="alert">
          {t('presentation.projector.joinFailed')}
        </p>
      )}
    </>
  )
}

export function ProjectorSection() {
  const { t } = useTranslation()
  const session = useBoard()
  const headingId = useId()
  const hintId = useId()
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('presentation.projector.heading')}</h3>
      <button type="button" className="button" aria-describedby={hintId} onClick={() => setPresenting(session, true)}>
        {t('presentation.projector.present')}
      </button>
      <p id={hintId} className="panel-hint">
        {t('presentation.projector.presentHint')}
      </p>
      <JoinScreenToggle />
      <ResultsOnBoardToggle />
    </section>
  )
}

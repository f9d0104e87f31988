/**
 * The facilitator's silent-brainstorm controls: turn private writing on (participants' new notes then
 * stay on their own devices) and reveal, which puts everyone's private notes on the board at once.
 */
import { setPrivateMode } from '@samla/board'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { controlWrite } from '../session/controlWrite'
import { useControlState } from '../session/useControl'
import { revealWithSnapshot } from './reveal'

export function PrivatePanel() {
  const { t } = useTranslation()
  const session = useBoard()
  const { privateMode, revealCount } = useControlState()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const headingId = useId()
  const hintId = useId()

  const reveal = async () => {
    if (busy) return
    setBusy(true)
    const snapshot = await revealWithSnapshot(session)
    setBusy(false)
    setMessage(snapshot ? t('facilitation.private.revealed') : t('facilitation.private.revealedNoSnapshot'))
  }

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('facilitation.private.heading')}</h3>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={privateMode}
          aria-describedby={hintId}
          onChange={(event) => {
            const on = event.currentTarget.checked
            controlWrite(session, () => setPrivateMode(session.controlDoc, on))
            setMessage('')
          }}
        />
        {t('facilitation.private.mode')}
      </label>
      <p id={hintId} className="panel-hint">
        {t('facilitation.private.modeHint')}
      </p>
      <button
        type="button"
        className="button button--primary"
        aria-disabled={busy || !privateMode}
        onClick={() => {
          if (privateMode) void reveal()
        }}
      >
        {busy ? t('facilitation.private.revealing') : t('facilitation.private.reveal')}
      </button>
      <p className="panel-state" role="status">
        {message || (revealCount > 0 ? t('facilitation.private.revealCount', { count: revealCount }) : '')}
      </p>
    </section>
  )
}

/**
 * When the relay refused a change of this page's (4422: against the board's rules; 4413: too large,
 * or the board full), says so across the board, in plain words, with the one way on: starting over
 * from the relay's board (the refused change stays on this device until then, and resending it would
 * only be refused again). An alert, so it is announced at once.
 */
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { isRefusedChange } from '../session/connectionState'
import { reloadFromRelay } from '../session/reloadFromRelay'

export function RefusedChangeBanner() {
  const { t } = useTranslation()
  const session = useBoard()
  const { connection } = session
  const code = useSyncExternalStore(connection.subscribe, () => connection.getState().closeCode)
  return (
    <div className="refused-region" role="alert">
      {code !== null && isRefusedChange(code) && (
        <div className="refused-banner">
          <p>{t(`close.${code}`)}</p>
          <button type="button" className="button button--primary" onClick={() => void reloadFromRelay(session)}>
            {t('status.reloadFromRelay')}
          </button>
        </div>
      )}
    </div>
  )
}

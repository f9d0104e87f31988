/**
 * The visible connection status, a polite live region: `data-status` is connected | connecting |
 * offline, and when the relay closed with a code we know, its plain-words explanation follows.
 */

import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { isRefusedChange } from '../session/connectionState'

export function ConnectionStatus() {
  const { t } = useTranslation()
  const { connection } = useBoard()
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  return (
    <div className="connection">
      <div
        role="status"
        className="connection-status"
        aria-label={t('status.label')}
        data-status={state.status}
        data-close-code={state.closeCode ?? undefined}
      >
        <span className="connection-dot" aria-hidden="true" />
        <span className="connection-text">{t(`status.${state.status}`)}</span>
        {state.closeCode !== null && !isRefusedChange(state.closeCode) && (
          <span className="connection-reason">{t(`close.${state.closeCode}`)}</span>
        )}
      </div>
      {/* A refused change (4422, 4413) is not retried: the board's banner offers starting over instead. */}
      {state.stopped && !isRefusedChange(state.closeCode) && (
        <button type="button" className="button button--quiet" onClick={connection.retry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  )
}

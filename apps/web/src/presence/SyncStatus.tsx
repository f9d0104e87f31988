/**
 * Beside the connection status: how many of this person's changes the relay has not yet confirmed.
 * Offline they are waiting (kept on this device meanwhile); online they are being saved. While
 * online, a change is confirmed within about a second, so "saving" appears only when it takes longer
 * — otherwise every keystroke would flicker it. Not a live region: a count that changes with every
 * keystroke would drown out everything else; the connection status announces going offline.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'

const SHOW_SAVING_AFTER_MS = 1500

type SyncState = 'saved' | 'syncing' | 'waiting'

export function SyncStatus() {
  const { t } = useTranslation()
  const { unconfirmed, connection } = useBoard()
  const count = useSyncExternalStore(unconfirmed.subscribe, unconfirmed.get)
  const status = useSyncExternalStore(connection.subscribe, () => connection.getState().status)
  const pending = count > 0
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    setSlow(false)
    if (!pending) return
    const timer = setTimeout(() => setSlow(true), SHOW_SAVING_AFTER_MS)
    return () => clearTimeout(timer)
  }, [pending])

  const state: SyncState = !pending
    ? 'saved'
    : status === 'offline'
      ? 'waiting'
      : slow || status !== 'connected'
        ? 'syncing'
        : 'saved'
  return (
    <p className="sync-status" data-sync={state} data-unconfirmed={count}>
      {state === 'saved' ? (
        <span className="visually-hidden">{t('editing.sync.saved')}</span>
      ) : (
        t(`editing.sync.${state}`, { count })
      )}
    </p>
  )
}

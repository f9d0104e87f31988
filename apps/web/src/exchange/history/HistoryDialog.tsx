/**
 * The facilitator's board history: the saved versions (taken on a schedule, before imports,
 * reveals and restores, or by hand), a read-only preview of one, and restoring one for everyone
 * after a confirmation, with "Undo restore" offered afterwards (it restores the backup the relay
 * took just before).
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../../session/BoardContext'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Dialog } from '../../components/Dialog'
import { describeFailure, type Failure } from '../failure'
import { FailureMessage } from '../FailureMessage'
import { restoreSnapshot, type SnapshotEntry, takeSnapshot } from '../../api/exchange'
import { TransferProgress } from '../TransferProgress'
import { SnapshotList } from './SnapshotList'
import { SnapshotPreview } from './SnapshotPreview'
import { snapshotTime } from './snapshotWords'
import { useSnapshots } from './useSnapshots'

type Notice =
  | { readonly kind: 'saved' }
  | { readonly kind: 'restored'; readonly time: string; readonly backup: number }
  | { readonly kind: 'undone' }

type Busy = 'saving' | 'undoing' | null

export function HistoryDialog({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { boardId, token } = useBoard()
  const { state, reload } = useSnapshots()
  const [preview, setPreview] = useState<SnapshotEntry | null>(null)
  const [confirming, setConfirming] = useState<SnapshotEntry | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  // Where focus goes back to when a preview closes, and where it goes once a restore or its undo
  // is done (the control that started it is gone by then): to "Undo restore", then to the outcome.
  const previewOpener = useRef<HTMLElement | null>(null)
  const undoButton = useRef<HTMLButtonElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  const [focusNext, setFocusNext] = useState<'undo' | 'status' | null>(null)
  useEffect(() => {
    if (!focusNext || confirming) return
    ;(focusNext === 'undo' ? undoButton : status).current?.focus()
    setFocusNext(null)
  }, [focusNext, confirming])

  const attempt = async (what: Exclude<Busy, null>, action: () => Promise<Notice>) => {
    if (busy) return
    setBusy(what)
    setFailure(null)
    try {
      setNotice(await action())
      reload()
    } catch (error) {
      setFailure(describeFailure(t, error))
    } finally {
      setBusy(null)
    }
  }
  const save = () =>
    attempt('saving', async () => {
      await takeSnapshot(boardId, token, 'manual')
      return { kind: 'saved' }
    })
  const undo = (backup: number) =>
    attempt('undoing', async () => {
      await restoreSnapshot(boardId, token, backup)
      setFocusNext('status')
      return { kind: 'undone' }
    })
  const restore = async (entry: SnapshotEntry) => {
    const backup = await restoreSnapshot(boardId, token, entry.id)
    setFailure(null)
    setPreview(null)
    setNotice({ kind: 'restored', time: snapshotTime(entry, i18n.resolvedLanguage), backup })
    setFocusNext('undo')
    reload()
  }

  const openPreview = (entry: SnapshotEntry) => {
    previewOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setPreview(entry)
  }
  const closePreview = () => {
    setPreview(null)
    previewOpener.current?.focus()
  }

  return (
    <Dialog heading={t('exchange.history.heading')} className="dialog--exchange dialog--wide" onClose={onClose}>
      {(close) => (
        <>
          <p>{t('exchange.history.intro')}</p>
          <div className="history-tools">
            <button type="button" className="button" aria-disabled={busy !== null} onClick={() => void save()}>
              {busy === 'saving' ? t('exchange.history.saving') : t('exchange.history.save')}
            </button>
          </div>
          <p ref={status} className="exchange-status" role="status" tabIndex={-1}>
            {notice?.kind === 'saved' && t('exchange.history.saved')}
            {notice?.kind === 'restored' && t('exchange.history.restored', { time: notice.time })}
            {notice?.kind === 'undone' && t('exchange.history.undone')}
          </p>
          {notice?.kind === 'restored' && (
            <button
              ref={undoButton}
              type="button"
              className="button"
              aria-disabled={busy !== null}
              onClick={() => void undo(notice.backup)}
            >
              {busy === 'undoing' ? t('exchange.history.undoing') : t('exchange.history.undo')}
            </button>
          )}
          <FailureMessage failure={failure} />
          {state.status === 'loading' && <TransferProgress label={t('exchange.history.loadingList')} progress={null} />}
          {state.status === 'failed' && <FailureMessage failure={describeFailure(t, state.error)} />}
          {state.status === 'ready' && (
            <SnapshotList
              entries={state.entries}
              busy={busy !== null}
              onPreview={openPreview}
              onRestore={setConfirming}
            />
          )}
          {preview && (
            <SnapshotPreview
              key={preview.id}
              entry={preview}
              onRestore={() => setConfirming(preview)}
              onClose={closePreview}
            />
          )}
          {confirming && (
            <ConfirmDialog
              heading={t('exchange.history.confirmHeading', { time: snapshotTime(confirming, i18n.resolvedLanguage) })}
              body={t('exchange.history.confirmBody')}
              confirmLabel={t('exchange.history.confirm')}
              failedText={t('exchange.history.restoreFailed')}
              onConfirm={() => restore(confirming)}
              onClose={() => setConfirming(null)}
            />
          )}
          <div className="dialog-actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('exchange.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

/**
 * "Delete board", after a confirmation that names it. When boards merged from this one hold copies of
 * its notes, a checkbox (ticked by default) removes those copies too; either way the relay tells the
 * merged boards' facilitators that this board was deleted.
 */
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteBoard, lookupBoard } from '../api/boards'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { eraseLocalCopy } from '../lib/localCopy'
import { navigate } from '../lib/router'
import { useBoard } from '../session/BoardContext'

/** How many merged boards hold copies of this board, asked of the relay as the dialog opens. */
function useMergedCopies(boardId: string, token: string): number {
  const [count, setCount] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    lookupBoard(boardId, token, controller.signal).then(
      (lookup) => {
        if (lookup.kind === 'found') setCount(lookup.mergedInto)
      },
      () => {
        // Unknown (offline, or the dialog closed): the board is deleted without the offer.
      },
    )
    return () => controller.abort()
  }, [boardId, token])
  return count
}

export function DeleteBoardDialog({ title, onClose }: { readonly title: string; readonly onClose: () => void }) {
  const { t } = useTranslation()
  const session = useBoard()
  const hintId = useId()
  const mergedInto = useMergedCopies(session.boardId, session.token)
  const [removeCopies, setRemoveCopies] = useState(true)
  const erase = async () => {
    // Disconnect first, so the relay's "deleted" close does not race the way home.
    session.connection.suspend()
    try {
      await deleteBoard(session.boardId, session.token, { removeCopies: mergedInto > 0 && removeCopies })
    } catch (error) {
      session.connection.retry()
      throw error
    }
    session.destroy()
    eraseLocalCopy(session.boardId)
    navigate('/', { deletedBoard: title })
  }
  return (
    <ConfirmDialog
      heading={t('deleteBoard.heading', { title })}
      body={t('deleteBoard.body')}
      confirmLabel={t('deleteBoard.confirm')}
      failedText={t('deleteBoard.failed')}
      onConfirm={erase}
      onClose={onClose}
    >
      {mergedInto > 0 && (
        <div className="delete-copies">
          <label className="panel-check">
            <input
              type="checkbox"
              checked={removeCopies}
              aria-describedby={hintId}
              onChange={(event) => setRemoveCopies(event.currentTarget.checked)}
            />
            {t('deleteBoard.removeCopies', { count: mergedInto })}
          </label>
          <p id={hintId} className="muted">
            {t('deleteBoard.copiesHint', { count: mergedInto })}
          </p>
        </div>
      )}
    </ConfirmDialog>
  )
}

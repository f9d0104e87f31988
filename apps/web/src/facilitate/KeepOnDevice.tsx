/**
 * "Remember this board on this device": a facilitator's link is the board's key, so by default it
 * lives only in the tab that opened it (sessionStorage) and is gone when the tab closes. Ticked, the
 * recent-boards list on this device keeps it, so the board opens again from the home page.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isBoardKept, keepBoard } from '../lib/recentBoards'
import { useBoard } from '../session/BoardContext'

export function KeepOnDevice() {
  const { t } = useTranslation()
  const { boardId, token, reader } = useBoard()
  const hintId = useId()
  const [kept, setKept] = useState(() => isBoardKept(boardId))
  return (
    <div className="share-keep">
      <label className="panel-check">
        <input
          type="checkbox"
          checked={kept}
          aria-describedby={hintId}
          onChange={(event) => {
            const keep = event.currentTarget.checked
            keepBoard({ id: boardId, title: reader.getMeta().title, visitedAt: Date.now(), token }, keep)
            setKept(keep)
          }}
        />
        {t('share.keep.label')}
      </label>
      <p id={hintId} className="muted">
        {t('share.keep.hint')}
      </p>
    </div>
  )
}

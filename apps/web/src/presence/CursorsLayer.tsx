/**
 * Other people's pointers on the canvas, each with their name. Positions are shared in world
 * coordinates and drawn in screen space, so a cursor keeps its size at any zoom; only those inside
 * the visible area are rendered. Hidden from assistive technology: the participant list and the
 * marks on notes say the same in words.
 */
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useUi } from '../session/BoardContext'

/** Screen pixels beyond the edges where a cursor is still drawn (its label reaches in). */
const CURSOR_MARGIN = 40

export function CursorsLayer() {
  const { t } = useTranslation()
  const { presence } = useBoard()
  const cursors = useSyncExternalStore(presence.subscribeCursors, presence.getCursors)
  const viewport = useUi((state) => state.viewport)
  const size = useUi((state) => state.size)
  return (
    <div className="cursors-layer" aria-hidden="true">
      {cursors.map(({ clientId, cursor, user }) => {
        if (!cursor) return null
        const x = cursor.x * viewport.zoom + viewport.x
        const y = cursor.y * viewport.zoom + viewport.y
        const outside =
          x < -CURSOR_MARGIN || y < -CURSOR_MARGIN || x > size.width + CURSOR_MARGIN || y > size.height + CURSOR_MARGIN
        if (outside) return null
        return (
          <div
            key={clientId}
            className="remote-cursor"
            data-cursor-name={user.name}
            style={{ transform: `translate(${x}px, ${y}px)`, color: user.colour }}
          >
            <svg viewBox="0 0 16 20" width="16" height="20" aria-hidden="true">
              <path d="M1 1l13 10.5-6 .8L5.2 19z" fill="currentColor" stroke="#fff" strokeWidth="1.5" />
            </svg>
            <span className="remote-cursor-name" style={{ background: user.colour }}>
              {user.name || t('editing.people.anonymous')}
            </span>
          </div>
        )
      })}
    </div>
  )
}

/**
 * Dragging notes with dnd-kit. While a drag runs, its offset lives in the UI store so every selected
 * note follows; when it ends, the offset is converted from screen pixels to world units and applied
 * with one moveNotes call — one transaction, so collaborators see a single move.
 */
import type { DragEndEvent, DragMoveEvent, DragStartEvent } from '@dnd-kit/core'
import { type ReactNode, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { dropNotes } from '../clusters/clusterCommands'
import { DragShell } from '../components/DragShell'
import { dragOffset } from '../lib/geometry'
import { useBoard } from '../session/BoardContext'
import { raiseNotes } from '../session/commands'

export function NoteDragContext({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  const session = useBoard()
  const words = useMemo(
    () => ({
      start: t('drag.start'),
      end: () => t('drag.end'),
      cancel: t('drag.cancel'),
      instructions: t('drag.instructions'),
    }),
    [t],
  )

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id)
    const ui = session.ui.getState()
    const picked = ui.selection.includes(id) ? ui.selection : [id]
    if (picked !== ui.selection) ui.select(picked)
    const ids = picked.filter((noteId) => session.reader.getNote(noteId))
    ui.setDrag({ ids, dx: 0, dy: 0 })
  }

  // The offset only moves the drag layer (render/DragLayer) and the cluster drop target: no note re-renders.
  const onDragMove = ({ delta }: DragMoveEvent) => {
    const { drag, setDrag } = session.ui.getState()
    const { dx, dy } = dragOffset(delta, session.ui.getState().viewport.zoom)
    if (drag && (drag.dx !== dx || drag.dy !== dy)) setDrag({ ids: drag.ids, dx, dy })
  }

  const onDragEnd = ({ delta }: DragEndEvent) => {
    const { drag, setDrag } = session.ui.getState()
    if (!drag) return
    const { dx, dy } = dragOffset(delta, session.ui.getState().viewport.zoom)
    // Carried above the rest in the drag layer, the notes stay on top where they land. The raise and
    // the move land together: one re-render, after which only the moved notes' shells change.
    raiseNotes(session, drag.ids)
    // Moves the notes and, for whoever may cluster, puts them in the cluster they land in (one transaction).
    dropNotes(session, drag.ids, dx, dy)
    setDrag(null)
  }

  return (
    <DragShell
      words={words}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => session.ui.getState().setDrag(null)}
    >
      {children}
    </DragShell>
  )
}

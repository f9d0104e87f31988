/**
 * Dragging notes with dnd-kit. While a drag runs, its offset lives in the UI store so every selected
 * note follows; when it ends, the offset is converted from screen pixels to world units and applied
 * with one moveNotes call — one transaction, so collaborators see a single move.
 */
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { type ReactNode, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { raiseNotes } from '../session/commands'
import { useUi } from '../session/uiStore'
import { dropNotes } from '../clusters/clusterCommands'
import { useNoteSensors } from '../components/sensors'

function toWorld(delta: { x: number; y: number }) {
  const { zoom } = useUi.getState().viewport
  return { dx: Math.round(delta.x / zoom), dy: Math.round(delta.y / zoom) }
}

export function NoteDragContext({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  const session = useBoard()
  const sensors = useNoteSensors()
  const accessibility = useMemo(() => {
    const announcements: Announcements = {
      onDragStart: () => t('drag.start'),
      onDragOver: () => undefined,
      onDragEnd: () => t('drag.end'),
      onDragCancel: () => t('drag.cancel'),
    }
    return { announcements, screenReaderInstructions: { draggable: t('drag.instructions') } }
  }, [t])

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id)
    const ui = useUi.getState()
    const picked = ui.selection.includes(id) ? ui.selection : [id]
    if (picked !== ui.selection) ui.select(picked)
    const ids = picked.filter((noteId) => session.reader.getNote(noteId))
    ui.setDrag({ ids, dx: 0, dy: 0 })
  }

  // The offset only moves the drag layer (render/DragLayer) and the cluster drop target: no note re-renders.
  const onDragMove = ({ delta }: DragMoveEvent) => {
    const { drag, setDrag } = useUi.getState()
    const { dx, dy } = toWorld(delta)
    if (drag && (drag.dx !== dx || drag.dy !== dy)) setDrag({ ids: drag.ids, dx, dy })
  }

  const onDragEnd = ({ delta }: DragEndEvent) => {
    const { drag, setDrag } = useUi.getState()
    if (!drag) return
    const { dx, dy } = toWorld(delta)
    // Carried above the rest in the drag layer, the notes stay on top where they land. The raise and
    // the move land together: one re-render, after which only the moved notes' shells change.
    raiseNotes(session, drag.ids)
    // Moves the notes and, for whoever may cluster, puts them in the cluster they land in (one transaction).
    dropNotes(session, drag.ids, dx, dy)
    setDrag(null)
  }

  return (
    <DndContext
      sensors={sensors}
      accessibility={accessibility}
      autoScroll={false}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => useUi.getState().setDrag(null)}
    >
      {children}
    </DndContext>
  )
}

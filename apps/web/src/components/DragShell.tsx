/**
 * The drag context every draggable layer of the board shares: the note sensors, no auto-scroll (the
 * canvas pans instead), and announcements for screen readers in the layer's own words.
 */
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { type ReactNode, useMemo } from 'react'
import { useNoteSensors } from './sensors'

export interface DragWords {
  readonly start: string
  /** Read when the drag has ended, so it can tell what the drop did. */
  readonly end: () => string
  readonly cancel: string
  readonly instructions: string
}

export function DragShell({
  words,
  onDragStart,
  onDragMove,
  onDragEnd,
  onDragCancel,
  children,
}: {
  readonly words: DragWords
  readonly onDragStart: (event: DragStartEvent) => void
  readonly onDragMove: (event: DragMoveEvent) => void
  readonly onDragEnd: (event: DragEndEvent) => void
  readonly onDragCancel: () => void
  readonly children: ReactNode
}) {
  const sensors = useNoteSensors()
  const accessibility = useMemo(() => {
    const announcements: Announcements = {
      onDragStart: () => words.start,
      onDragOver: () => undefined,
      onDragEnd: words.end,
      onDragCancel: () => words.cancel,
    }
    return { announcements, screenReaderInstructions: { draggable: words.instructions } }
  }, [words])
  return (
    <DndContext
      sensors={sensors}
      accessibility={accessibility}
      autoScroll={false}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      {children}
    </DndContext>
  )
}

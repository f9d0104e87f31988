/**
 * The positioned, draggable shell of a note. It is kept apart from the note's content because
 * dnd-kit re-renders every draggable when a drag starts or ends: the content arrives as `children`
 * created by the memoised NoteCard, so those re-renders stop at this thin wrapper.
 */
import { useDraggable } from '@dnd-kit/core'
import type { NoteLayout } from '@samla/board'
import { type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode, useCallback } from 'react'
import { useLanding } from '../lib/useLanding'
import { useUi } from '../session/BoardContext'
import type { TextSize } from './noteFit'

/** Above any stacking index, so the note in hand is never hidden under another. */
const DRAGGING_Z = 2_000_000_000

interface DraggableNoteProps {
  readonly layout: NoteLayout
  /** The type size for the note's text length, and the width it is drawn at (see noteFit.ts). */
  readonly textSize: TextSize
  readonly shownWidth: number
  readonly z: number
  readonly label: string
  readonly roleDescription: string
  readonly selected: boolean
  /** Read-only: the note cannot be picked up, and is not described as movable. */
  readonly disabled: boolean
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
  readonly onPointerDown: (event: PointerEvent<HTMLElement>) => void
  readonly onClick: (event: MouseEvent<HTMLElement>) => void
  readonly children: ReactNode
}

export function DraggableNote({
  layout,
  textSize,
  shownWidth,
  z,
  label,
  roleDescription,
  selected,
  disabled,
  onKeyDown,
  onPointerDown,
  onClick,
  children,
}: DraggableNoteProps) {
  const { id, x, y, height, colour } = layout
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id,
    disabled,
    attributes: { role: 'article', roleDescription },
  })
  // Only whether it is carried: the offset moves the drag layer (render/DragLayer), never this note.
  // The carried ids stay one array for the whole drag, so a pointer move costs each note one lookup.
  const carried = useUi((state) => state.drag?.ids)
  const dragged = carried?.includes(id) ?? false
  const landing = useLanding(dragged || isDragging)
  const ref = useCallback(
    (node: HTMLElement | null) => {
      setNodeRef(node)
      // The whole note is the keyboard handle: Space on the focused note lifts it.
      setActivatorNodeRef(node)
    },
    [setNodeRef, setActivatorNodeRef],
  )
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    listeners?.onKeyDown?.(event)
    if (!event.defaultPrevented) onKeyDown(event)
  }
  return (
    <article
      ref={ref}
      {...attributes}
      // A read-only note is still readable and focusable, not "disabled"; only the move instructions go.
      aria-disabled={false}
      aria-describedby={disabled ? undefined : attributes['aria-describedby']}
      {...listeners}
      onKeyDown={handleKeyDown}
      onPointerDown={onPointerDown}
      onClick={onClick}
      data-note-id={id}
      data-colour={colour}
      data-text-size={textSize}
      aria-label={label}
      className={`note note--${colour}${selected ? ' is-selected' : ''}${dragged ? ' is-dragging' : ''}`}
      style={{
        width: shownWidth,
        // The least height: a note grows with its text rather than hiding any of it.
        minHeight: height,
        transform: `translate(${x}px, ${y}px)`,
        zIndex: dragged || isDragging ? DRAGGING_Z : z,
        // Dropped where its copy was carried: it lands there at once instead of gliding from where it lay.
        transition: landing ? 'none' : undefined,
      }}
    >
      {children}
    </article>
  )
}

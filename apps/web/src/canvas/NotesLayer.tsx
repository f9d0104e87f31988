/**
 * The one transformed layer holding the notes. It subscribes to the board's layout (geometry only,
 * so text edits never re-render it) and renders just the notes in view, plus the pinned ones.
 */
import { useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useBoard } from '../board/BoardContext'
import { useUi } from '../board/uiStore'
import { useHiddenNotes } from '../clusters/useHiddenNotes'
import { NoteCard } from '../notes/NoteCard'
import { cullNotes, type RenderedNote, type StableOrder, sameRendering } from './culling'
import { visibleWorldRect } from './geometry'

/** Screen pixels rendered beyond each edge, so notes are ready before a pan reveals them. */
const CULL_MARGIN = 240

export function NotesLayer() {
  const { reader, doc } = useBoard()
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  // Notes in collapsed clusters are not drawn: the cluster's card stands for them.
  const hidden = useHiddenNotes(doc)
  const viewport = useUi((state) => state.viewport)
  const size = useUi((state) => state.size)
  // Notes someone is working with stay rendered even when scrolled out of view.
  const pinned = useUi(
    useShallow((state) => [
      ...state.selection,
      ...(state.drag?.ids ?? []),
      state.editingId ?? '',
      state.focusRequest ?? '',
    ]),
  )
  const [order] = useState<StableOrder>(() => new Map())
  const previous = useRef<readonly RenderedNote[]>([])

  const rendered = useMemo(() => {
    const shown = hidden.size === 0 ? layout : layout.filter((note) => !hidden.has(note.id))
    const next = cullNotes(shown, visibleWorldRect(viewport, size, CULL_MARGIN), new Set(pinned), order)
    if (sameRendering(previous.current, next)) return previous.current
    previous.current = next
    return next
  }, [layout, hidden, viewport, size, pinned, order])

  return (
    <div
      className="notes-layer"
      style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}
    >
      {rendered.map(({ id, z }) => (
        <NoteCard key={id} id={id} z={z} />
      ))}
    </div>
  )
}

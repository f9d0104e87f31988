/**
 * The one transformed layer holding the notes. It subscribes to the board's layout (geometry only,
 * so text edits never re-render it) and renders just the notes in view, plus the pinned ones. It
 * decides the notes' level of detail for them (a note never subscribes to the viewport). Zoomed out to
 * block level, the notes are drawn on one <canvas>; the DOM keeps only the pinned notes and those
 * near the focused one, so the keyboard can still walk the board. Dragged notes travel in the drag layer.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useHiddenNotes } from '../clusters/useHiddenNotes'
import { visibleWorldRect } from '../lib/geometry'
import { whenIdle } from '../lib/idle'
import { NoteBoundary } from '../notes/NoteBoundary'
import { NoteCard } from '../notes/NoteCard'
import { DragLayer } from '../render/DragLayer'
import { type Detail, detailAt, KEYBOARD_NEIGHBOURS, notesNear } from '../render/detail'
import { OverviewCanvas } from '../render/OverviewCanvas'
import { useBoard, useUi } from '../session/BoardContext'
import { cullNotes, type RenderedNote, type StableOrder, sameRendering } from './culling'
import { useBoardReadyMark } from './useBoardReadyMark'

/** Screen pixels rendered beyond each edge, so notes are ready before a pan reveals them. */
const CULL_MARGIN = 240
/** An area no note meets: at block level only the kept notes are in the DOM. */
const NOWHERE = { x: Number.POSITIVE_INFINITY, y: Number.POSITIVE_INFINITY, width: 0, height: 0 }

/** After the first sync has been shown, the margin waits this long, then for an idle moment. */
const OVERSCAN_AFTER_SYNC_MS = 300
/** Offline there is no first sync to wait for; the margin comes after this long instead. */
const OVERSCAN_UNSYNCED_MS = 3000

/**
 * No margin until the board's first sync has been painted (the first render waits for nothing but
 * what is in view), then the full margin at the page's next idle moment.
 */
function useOverscan(synced: boolean): number {
  const [margin, setMargin] = useState(0)
  useEffect(() => {
    if (margin > 0) return
    return whenIdle(() => setMargin(CULL_MARGIN), synced ? OVERSCAN_AFTER_SYNC_MS : OVERSCAN_UNSYNCED_MS)
  }, [synced, margin])
  return margin
}

export function NotesLayer() {
  const { reader, doc } = useBoard()
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  // Notes in collapsed clusters are not drawn: the cluster's card stands for them.
  const hidden = useHiddenNotes(doc)
  const synced = useBoardReadyMark()
  const viewport = useUi((state) => state.viewport)
  const size = useUi((state) => state.size)
  const selection = useUi((state) => state.selection)
  // One array for the whole drag: a pointer move changes only its offset, which nothing here reads.
  const carried = useUi((state) => state.drag?.ids)
  const editingId = useUi((state) => state.editingId)
  const focusRequest = useUi((state) => state.focusRequest)
  // Notes someone is working with stay rendered even when scrolled out of view.
  const pinned = useMemo(
    () => [...selection, ...(carried ?? []), editingId ?? '', focusRequest ?? ''],
    [selection, carried, editingId, focusRequest],
  )
  const focusedNote = useUi((state) => state.focusedNote)
  const carrying = carried !== undefined
  const margin = useOverscan(synced)
  const [order] = useState<StableOrder>(() => new Map())
  const previous = useRef<readonly RenderedNote[]>([])
  const detail = detailAt(viewport.zoom)
  const overview = detail === 'block'

  const shown = useMemo(
    () => (hidden.size === 0 ? layout : layout.filter((note) => !hidden.has(note.id))),
    [layout, hidden],
  )
  // At block level the DOM notes do not depend on the viewport, so a pan renders none anew.
  const near = useMemo(
    () => (overview ? notesNear(shown, focusedNote, KEYBOARD_NEIGHBOURS) : null),
    [overview, shown, focusedNote],
  )
  const cullViewport = near ? null : viewport
  const rendered = useMemo(() => {
    const kept = near ? new Set([...pinned, ...near]) : new Set(pinned)
    const area = cullViewport ? visibleWorldRect(cullViewport, size, margin) : NOWHERE
    const next = cullNotes(shown, area, kept, order)
    if (sameRendering(previous.current, next)) return previous.current
    previous.current = next
    return next
  }, [shown, cullViewport, size, margin, near, pinned, order])

  const detailOf = (id: string): Detail => (id === editingId || id === focusRequest ? 'full' : detail)
  return (
    <>
      {overview && <OverviewCanvas notes={shown} viewport={viewport} size={size} />}
      <div
        className={carrying ? 'notes-layer is-carrying' : 'notes-layer'}
        style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}
      >
        {rendered.map(({ id, z }) => (
          <NoteBoundary key={id} id={id} place="canvas">
            <NoteCard id={id} z={z} detail={detailOf(id)} />
          </NoteBoundary>
        ))}
        <DragLayer />
      </div>
    </>
  )
}

/**
 * The read side for UIs: cached immutable snapshots and fine-grained subscriptions, shaped for
 * React's useSyncExternalStore. One deep observer on the notes map routes each change to the
 * listeners of the notes it touched, so a remote keystroke wakes exactly one note component,
 * and the layout (positions, sizes, stacking, colour) is re-derived only when one of those changes.
 */
import * as Y from 'yjs'
import { noteEntries, noteEntry } from './entries.js'
import { type BoardMeta, readMeta } from './meta.js'
import { compareStacking, type NoteLayout, type NoteSnapshot, snapshotLayout, snapshotNote } from './note.js'
import { metaMap, notesMap } from './schema.js'

type Listener = () => void

const LAYOUT_KEYS = new Set(['x', 'y', 'width', 'height', 'colour', 'order'])

export interface BoardReader {
  getNote(id: string): NoteSnapshot | undefined
  subscribeNote(id: string, listener: Listener): () => void
  /** Every note's geometry, bottom of the stack first. Stable until a geometry change. */
  getLayout(): readonly NoteLayout[]
  subscribeLayout(listener: Listener): () => void
  getMeta(): BoardMeta
  subscribeMeta(listener: Listener): () => void
  destroy(): void
}

function addListener(set: Set<Listener>, listener: Listener): () => void {
  set.add(listener)
  return () => set.delete(listener)
}

export function createBoardReader(doc: Y.Doc): BoardReader {
  const notes = notesMap(doc)
  const meta = metaMap(doc)
  const snapshots = new Map<string, NoteSnapshot | undefined>()
  const noteListeners = new Map<string, Set<Listener>>()
  const layoutListeners = new Set<Listener>()
  const metaListeners = new Set<Listener>()
  let layout: readonly NoteLayout[] | null = null
  let metaSnapshot: BoardMeta | null = null

  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>()
    let layoutChanged = false
    for (const event of events) {
      if (event.target === notes) {
        for (const id of event.keys.keys()) changed.add(id)
        layoutChanged = true
        continue
      }
      const id = event.path[0]
      if (typeof id !== 'string') continue
      changed.add(id)
      if (event.target instanceof Y.Map && [...event.keys.keys()].some((key) => LAYOUT_KEYS.has(key))) {
        layoutChanged = true
      }
    }
    for (const id of changed) {
      snapshots.delete(id)
      for (const listener of noteListeners.get(id) ?? []) listener()
    }
    if (layoutChanged) {
      layout = null
      for (const listener of layoutListeners) listener()
    }
  }
  const onMeta = () => {
    metaSnapshot = null
    for (const listener of metaListeners) listener()
  }
  notes.observeDeep(onNotes)
  meta.observe(onMeta)

  return {
    getNote(id) {
      if (!snapshots.has(id)) {
        const map = noteEntry(doc, id)
        snapshots.set(id, map ? snapshotNote(id, map) : undefined)
      }
      return snapshots.get(id)
    },
    subscribeNote(id, listener) {
      const set = noteListeners.get(id) ?? new Set<Listener>()
      noteListeners.set(id, set)
      const remove = addListener(set, listener)
      return () => {
        remove()
        // The identity check keeps a repeated call from dropping a later subscriber's set.
        if (set.size === 0 && noteListeners.get(id) === set) {
          noteListeners.delete(id)
          snapshots.delete(id)
        }
      }
    },
    getLayout() {
      layout ??= noteEntries(doc)
        .map(([id, map]) => snapshotLayout(id, map))
        .sort(compareStacking)
      return layout
    },
    subscribeLayout: (listener) => addListener(layoutListeners, listener),
    getMeta() {
      metaSnapshot ??= readMeta(doc)
      return metaSnapshot
    },
    subscribeMeta: (listener) => addListener(metaListeners, listener),
    destroy() {
      notes.unobserveDeep(onNotes)
      meta.unobserve(onMeta)
      noteListeners.clear()
      layoutListeners.clear()
      metaListeners.clear()
    },
  }
}

/**
 * Undo and redo of this person's own changes to notes and clusters. Only transactions with the
 * local-edit origin are tracked, so a collaborator's change (applied by the relay connection) is
 * never undone, and Yjs never lets an undo overwrite a value someone else has set since.
 * Shaped for useSyncExternalStore: the snapshot says whether there is anything to undo or redo.
 */
import { undoScope } from '@samla/board'
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './origin'

export interface UndoState {
  readonly canUndo: boolean
  readonly canRedo: boolean
}

export interface UndoStore {
  /**
   * Called before each of this person's writes: the write becomes an undo step of its own unless it
   * continues the last one (the same `continues` key, such as typing in one note, within Yjs's
   * capture window). Without it, a move made right after typing a note would be undone with it.
   */
  beginWrite(continues?: string): void
  undo(): void
  redo(): void
  getState(): UndoState
  subscribe(listener: () => void): () => void
  destroy(): void
}

export function createUndo(doc: Y.Doc): UndoStore {
  const manager = new Y.UndoManager(undoScope(doc), {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
  })
  const listeners = new Set<() => void>()
  let state: UndoState = { canUndo: false, canRedo: false }
  const onStackChange = () => {
    const next = { canUndo: manager.canUndo(), canRedo: manager.canRedo() }
    if (next.canUndo === state.canUndo && next.canRedo === state.canRedo) return
    state = next
    for (const listener of listeners) listener()
  }
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
    manager.on(event, onStackChange)
  }
  let lastWrite: string | undefined
  return {
    beginWrite(continues) {
      if (continues === undefined || continues !== lastWrite) manager.stopCapturing()
      lastWrite = continues
    },
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      manager.destroy()
      listeners.clear()
    },
  }
}

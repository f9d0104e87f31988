/**
 * A participant's private notes during a silent brainstorm: a Y.Doc with the board's layout that is
 * kept in this browser's IndexedDB only and never given to a provider, so nothing of it can reach
 * the relay before the reveal. One per open board, registered so the command that adds a note and
 * the canvas layer that shows them find it.
 */
import { type BoardReader, createBoardReader } from '@samla/board'
import { useSyncExternalStore } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { localDocNames } from '../lib/localCopy'

export interface PrivateDrafts {
  readonly doc: Y.Doc
  readonly reader: BoardReader
  /** Settles once the stored drafts have loaded (or loading gave up): only then is publishing complete. */
  readonly loaded: Promise<void>
}

/** If IndexedDB never answers (some private modes), go on with what is in memory after this long. */
const LOAD_TIMEOUT_MS = 3000

const open = new Map<string, PrivateDrafts>()
const listeners = new Set<() => void>()

function changed(): void {
  for (const listener of listeners) listener()
}

/** Opens the board's private drafts; the returned function closes them again. */
export function openDrafts(boardId: string): () => void {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(localDocNames(boardId).private, doc)
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, LOAD_TIMEOUT_MS))
  const drafts: PrivateDrafts = {
    doc,
    reader: createBoardReader(doc),
    loaded: Promise.race([local.whenSynced.then(() => undefined), timeout]),
  }
  open.set(boardId, drafts)
  changed()
  return () => {
    if (open.get(boardId) === drafts) open.delete(boardId)
    changed()
    drafts.reader.destroy()
    void local.destroy()
    doc.destroy()
  }
}

export function draftsOf(boardId: string): PrivateDrafts | undefined {
  return open.get(boardId)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useDrafts(boardId: string): PrivateDrafts | undefined {
  return useSyncExternalStore(subscribe, () => open.get(boardId))
}

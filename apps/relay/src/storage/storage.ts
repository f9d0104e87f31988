/** What the relay needs from persistent storage. SQLite is the embedded default. */
export interface BoardRecord {
  id: string
  title: string
  createdAt: number
}

export interface StoredDoc {
  /** Compacted state (a Yjs update), or null before the first compaction. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[]
  /** Sequence number of the last update returned (0 if none). */
  lastSeq: number
}

export interface Storage {
  createBoard(board: BoardRecord, initialState: Uint8Array): void
  getBoard(id: string): BoardRecord | undefined
  loadDoc(boardId: string): StoredDoc
  /** Durably appends one update and returns its sequence number; returns only once committed. */
  appendUpdate(boardId: string, update: Uint8Array): number
  /** Replaces the snapshot with `state`, dropping the updates up to and including `upToSeq`. */
  compact(boardId: string, state: Uint8Array, upToSeq: number): void
  close(): void
}

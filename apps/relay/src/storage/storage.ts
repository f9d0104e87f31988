/** What the relay needs from persistent storage. SQLite is the embedded default. */
import type { DocKind, HistoryReason, Role } from '@samla/protocol'

export interface BoardRecord {
  id: string
  title: string
  createdAt: number
}

export interface StoredBoard extends BoardRecord {
  /** Current link generation per role: a token of another generation is no longer valid. */
  generations: Record<Role, number>
}

/** A board has two docs: the shared board and the facilitator's control doc. */
export interface DocRef {
  boardId: string
  kind: DocKind
}

export interface StoredDoc {
  /** Compacted state (a Yjs update), or null before the first compaction. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[]
  /** Sequence number of the last update returned (0 if none). */
  lastSeq: number
}

/** The reasons are shared with the web app, which names them. */
export type { HistoryReason }

export interface HistoryEntry {
  id: number
  createdAt: number
  reason: HistoryReason
  bytes: number
}

/** Ballots by voter id: note id -> dots (positive whole numbers). */
export type StoredBallots = ReadonlyMap<string, ReadonlyMap<string, number>>

export interface Storage {
  /** Stores a new board with its first state and ballots (from an import); the relay keeps its ballots. */
  createBoard(board: BoardRecord, initialState: Uint8Array, ballots?: StoredBallots): void
  getBoard(id: string): StoredBoard | undefined
  /** Bumps the role's link generation and returns the new one; for participants, drops the join code too. */
  rotateLink(boardId: string, role: Role): number
  /**
   * The board's short join code for its participant link, made with `newCode` on the first ask (a new
   * code that another board holds is drawn again). Rotating the participant link drops it.
   */
  joinCode(boardId: string, newCode: () => string): string
  /** The board whose participant link a join code stands for, if any. */
  boardOfJoinCode(code: string): string | undefined
  /** Erases the board, both its docs, their history and its join code. */
  deleteBoard(boardId: string): void
  loadDoc(doc: DocRef): StoredDoc
  /**
   * Durably appends one update and returns its sequence number; returns only once committed. The
   * board counts as touched (for retention) then, to the second.
   */
  appendUpdate(doc: DocRef, update: Uint8Array): number
  /** Replaces the snapshot with `state`, dropping the updates up to and including `upToSeq`. */
  compact(doc: DocRef, state: Uint8Array, upToSeq: number): void
  /** Keeps a snapshot of the board doc and drops snapshots older than `keepAfter` (ms epoch). */
  addHistory(boardId: string, state: Uint8Array, reason: HistoryReason, now: number, keepAfter: number): number
  listHistory(boardId: string): HistoryEntry[]
  getHistory(boardId: string, id: number): Uint8Array | undefined
  /** Every ballot of the board. */
  loadBallots(boardId: string): Map<string, Map<string, number>>
  /** Sets one voter's dots on one note (0 takes them all away); returns only once committed. */
  setDots(boardId: string, voter: string, noteId: string, dots: number): void
  /** Whether the relay keeps the board's ballots (boards from before kept them in their doc). */
  keepsBallots(boardId: string): boolean
  /** Stores the ballots a board kept in its doc, and that the relay keeps its ballots from now on, at once. */
  adoptBallots(boardId: string, ballots: StoredBallots): void
  /** A small write that only tells whether storage takes writes (see storage-health.ts). */
  probe(): void
  /** Bytes the database's live pages take (free pages left by erased boards are not counted). */
  usedBytes(): number
  /** Boards with no stored change since `before` (ms epoch), oldest first, at most `limit`. */
  untouchedSince(before: number, limit: number): string[]
  close(): void
}

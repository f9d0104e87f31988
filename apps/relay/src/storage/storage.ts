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
  /** The sequence number the loaded state reaches: its last update's, else the snapshot's (0 if none). */
  lastSeq: number
}

/** One appended update and its place in its doc's commit order. */
export interface SequencedUpdate {
  seq: number
  update: Uint8Array
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

/**
 * Every method is asynchronous: the embedded SQLite answers at once, PostgreSQL over the network.
 * One contract (storage-contract.ts) holds for both.
 */
export interface Storage {
  /** Stores a new board with its first state and ballots (from an import); the relay keeps its ballots. */
  createBoard(board: BoardRecord, initialState: Uint8Array, ballots?: StoredBallots): Promise<void>
  getBoard(id: string): Promise<StoredBoard | undefined>
  /** Bumps the role's link generation and returns the new one; for participants, drops the join code too. */
  rotateLink(boardId: string, role: Role): Promise<number>
  /**
   * The board's short join code for its participant link, made with `newCode` on the first ask (a new
   * code that another board holds is drawn again). Rotating the participant link drops it.
   */
  joinCode(boardId: string, newCode: () => string): Promise<string>
  /** The board whose participant link a join code stands for, if any. */
  boardOfJoinCode(code: string): Promise<string | undefined>
  /**
   * Notes that `mergedId` was made from (or merged again with) these boards, so deleting one of them
   * can reach its copies; a pair already noted is kept once.
   */
  recordMergeSources(mergedId: string, sourceIds: readonly string[]): Promise<void>
  /** The boards that hold copies of `sourceId`'s notes (those merged from it that still exist). */
  mergedBoardsOf(sourceId: string): Promise<string[]>
  /** Erases the board, both its docs, their history, its join code and its rows of the merge index. */
  deleteBoard(boardId: string): Promise<void>
  loadDoc(doc: DocRef): Promise<StoredDoc>
  /**
   * Durably appends one update and returns its sequence number, which is greater than every earlier
   * one of the doc (with several relays on one database: the next of the doc's, taken under a lock in
   * the same transaction, so every relay sees one order); resolves only once committed. The board
   * counts as touched (for retention) then, to the second.
   */
  appendUpdate(doc: DocRef, update: Uint8Array): Promise<number>
  /** The doc's updates with a sequence number above `afterSeq`, in order (a relay catching up). */
  updatesAfter(doc: DocRef, afterSeq: number): Promise<SequencedUpdate[]>
  /**
   * Replaces the snapshot with `state`, the doc's state through `throughSeq`, and drops exactly the
   * updates up to and including it: updates appended meanwhile stay. A snapshot older than the stored
   * one is not written. Resolves false, doing nothing, while another relay compacts the same doc.
   */
  compact(doc: DocRef, state: Uint8Array, throughSeq: number): Promise<boolean>
  /** Keeps a snapshot of the board doc and drops snapshots older than `keepAfter` (ms epoch). */
  addHistory(boardId: string, state: Uint8Array, reason: HistoryReason, now: number, keepAfter: number): Promise<number>
  /**
   * The scheduled snapshot: kept like addHistory unless any snapshot of the board was taken after
   * `takenAfter` (by any relay); resolves whether it was kept.
   */
  addScheduledHistory(
    boardId: string,
    state: Uint8Array,
    now: number,
    keepAfter: number,
    takenAfter: number,
  ): Promise<boolean>
  listHistory(boardId: string): Promise<HistoryEntry[]>
  getHistory(boardId: string, id: number): Promise<Uint8Array | undefined>
  /** Every ballot of the board. */
  loadBallots(boardId: string): Promise<Map<string, Map<string, number>>>
  /** Sets one voter's dots on one note (0 takes them all away); resolves only once committed. */
  setDots(boardId: string, voter: string, noteId: string, dots: number): Promise<void>
  /** Whether the relay keeps the board's ballots (boards from before kept them in their doc). */
  keepsBallots(boardId: string): Promise<boolean>
  /** Stores the ballots a board kept in its doc, and that the relay keeps its ballots from now on, at once. */
  adoptBallots(boardId: string, ballots: StoredBallots): Promise<void>
  /** A small write that only tells whether storage takes writes (see storage-health.ts). */
  probe(): Promise<void>
  /** Bytes the database's live data takes (space left free by erased boards is not counted). */
  usedBytes(): Promise<number>
  /** Boards with no stored change since `before` (ms epoch), oldest first, at most `limit`. */
  untouchedSince(before: number, limit: number): Promise<string[]>
  close(): Promise<void>
}

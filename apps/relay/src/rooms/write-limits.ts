/**
 * What a board update must fit before it is queued, whoever sends it (a facilitator too): the
 * board's stored bytes (maxBoardBytes) and its counts — notes, groups and Yjs items, which bound its
 * memory where bytes do not (@samla/board's checkCounts). Updates queued this tick count as if
 * applied. An update that only deletes always fits, so a full board can always be cleaned up by
 * anyone allowed to delete. A refusal closes the sender with 4413 (board too large).
 */
import { type BoardCounts, BoardCounter, checkCounts, type CountLimits, onlyDeletes } from '@samla/board'
import { CloseCode } from '@samla/protocol'
import type * as Y from 'yjs'
import type { RelayLimits } from '../base/config.js'
import { RejectedMessageError } from './rejected-message.js'

const NOTHING: BoardCounts = { notes: 0, groups: 0, items: 0 }

export class WriteLimits {
  private readonly counter: BoardCounter
  private readonly counts: CountLimits
  private queued = NOTHING

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: RelayLimits,
  ) {
    this.counter = new BoardCounter(doc)
    this.counts = {
      maxNotes: limits.maxNotesPerBoard,
      maxGroups: limits.maxGroupsPerBoard,
      maxItems: limits.maxItemsPerBoard,
      maxItemsPerUpdate: limits.maxItemsPerUpdate,
    }
  }

  /**
   * Refuses (throws a RejectedMessageError) an update that does not fit beside the `storedBytes` the
   * board takes with what is queued; otherwise counts it as queued. Throws on bytes that are no update.
   */
  admit(update: Uint8Array, storedBytes: number): void {
    if (storedBytes + update.length > this.limits.maxBoardBytes && !onlyDeletes(this.doc, update)) {
      throw new RejectedMessageError('board-too-large', CloseCode.BoardTooLarge, 'board size limit reached')
    }
    const { notes, groups, items } = this.counter.counts
    const queued = this.queued
    const board = { notes: notes + queued.notes, groups: groups + queued.groups, items: items + queued.items }
    const verdict = checkCounts(this.doc, update, board, this.counts)
    if (verdict.kind === 'over') {
      throw new RejectedMessageError('board-count-limit', CloseCode.BoardTooLarge, verdict.reason)
    }
    const { adds } = verdict
    this.queued = {
      notes: queued.notes + adds.notes,
      groups: queued.groups + adds.groups,
      items: queued.items + adds.items,
    }
  }

  /** The queued updates were applied (or refused): the board's own counts hold them now. */
  applied(): void {
    this.queued = NOTHING
  }
}

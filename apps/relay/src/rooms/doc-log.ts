/**
 * One doc's record in storage, as its room keeps track of it: the append log since the last
 * snapshot, and the sizes that decide when the log is folded and how big the board has grown.
 */
import type { RelayLimits } from '../base/config.js'
import type { DocRef, Storage, StoredDoc } from '../storage/storage.js'
import { CommitOrder } from './commit-order.js'

export class DocLog {
  /** Which committed updates the room's doc holds. */
  private readonly order: CommitOrder
  /** Updates appended since the last snapshot, and their bytes. */
  private logUpdates: number
  private logBytes: number
  /** Everything stored for the doc: snapshot and log. */
  private stored: number

  constructor(
    private readonly storage: Storage,
    private readonly ref: DocRef,
    loaded: StoredDoc,
    /** Whether other relays append to the same doc (see CommitOrder). */
    shared: boolean,
  ) {
    this.order = new CommitOrder(loaded.lastSeq, shared)
    this.logUpdates = loaded.updates.length
    this.logBytes = loaded.updates.reduce((sum, update) => sum + update.length, 0)
    this.stored = (loaded.snapshot?.length ?? 0) + this.logBytes
  }

  get storedBytes(): number {
    return this.stored
  }

  /** Every committed update up to this one is in the room's doc. */
  get storedThrough(): number {
    return this.order.through
  }

  /** Whether the room's doc lacks committed updates below one it holds (to be read from storage). */
  get hasGap(): boolean {
    return this.order.hasGap
  }

  /** Updates a compaction would fold. */
  get unfolded(): number {
    return this.logUpdates
  }

  /** Commits one update; rejects when storage fails. */
  async append(update: Uint8Array): Promise<number> {
    const seq = await this.storage.appendUpdate(this.ref, update)
    this.counted(seq, update)
    return seq
  }

  /** Counts a committed update the room's doc now holds; false when it held it already. */
  counted(seq: number, update: Uint8Array): boolean {
    if (!this.order.take(seq)) return false
    this.stored += update.length
    this.logUpdates++
    this.logBytes += update.length
    return true
  }

  /** The room's doc was read whole from storage (a snapshot and the log after it), through `seq`. */
  readWhole(seq: number): void {
    this.order.heldThrough(seq)
  }

  dueForCompaction({ compactAfterUpdates, compactAfterBytes }: RelayLimits): boolean {
    return this.logUpdates >= compactAfterUpdates || this.logBytes >= compactAfterBytes
  }

  /**
   * Replaces the snapshot and the log through `throughSeq` with `state`, the doc's whole state then.
   * Updates stored meanwhile stay in the log. Resolves false when another relay was compacting.
   */
  async compact(state: Uint8Array, throughSeq: number): Promise<boolean> {
    const folded = { updates: this.logUpdates, bytes: this.logBytes }
    const done = await this.storage.compact(this.ref, state, throughSeq)
    if (!done) return false
    // What was appended while the compaction ran stays unfolded; it is counted again next time.
    this.logUpdates = Math.max(0, this.logUpdates - folded.updates)
    this.logBytes = Math.max(0, this.logBytes - folded.bytes)
    this.stored = state.length + this.logBytes
    return true
  }
}

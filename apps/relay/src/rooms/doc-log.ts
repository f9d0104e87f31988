/**
 * One doc's record in storage, as its room keeps track of it: the append log since the last
 * snapshot, and the sizes that decide when the log is folded and how big the board has grown.
 */
import type { RelayLimits } from '../base/config.js'
import type { DocRef, Storage, StoredDoc } from '../storage/storage.js'

export class DocLog {
  private lastSeq: number
  /** Updates appended since the last snapshot, and their bytes. */
  private logUpdates: number
  private logBytes: number
  /** Everything stored for the doc: snapshot and log. */
  private stored: number

  constructor(
    private readonly storage: Storage,
    private readonly ref: DocRef,
    loaded: StoredDoc,
  ) {
    this.lastSeq = loaded.lastSeq
    this.logUpdates = loaded.updates.length
    this.logBytes = loaded.updates.reduce((sum, update) => sum + update.length, 0)
    this.stored = (loaded.snapshot?.length ?? 0) + this.logBytes
  }

  get storedBytes(): number {
    return this.stored
  }

  /** Updates a compaction would fold. */
  get unfolded(): number {
    return this.logUpdates
  }

  /** Commits one update; throws when storage fails. */
  append(update: Uint8Array): void {
    this.lastSeq = this.storage.appendUpdate(this.ref, update)
    this.stored += update.length
    this.logUpdates++
    this.logBytes += update.length
  }

  dueForCompaction({ compactAfterUpdates, compactAfterBytes }: RelayLimits): boolean {
    return this.logUpdates >= compactAfterUpdates || this.logBytes >= compactAfterBytes
  }

  /** Replaces the snapshot and the log so far with `state`, the doc's whole state. */
  compact(state: Uint8Array): void {
    this.storage.compact(this.ref, state, this.lastSeq)
    this.stored = state.length
    this.logUpdates = 0
    this.logBytes = 0
  }
}

/**
 * Work that must see only stored state (the answer to a sync step 1, which confirms to its sender
 * everything it sent before; a snapshot; a vote), waiting until every update received before it is
 * stored. Updates are counted as they arrive and as their effects are committed; a piece of work is
 * due once the committed count reaches the count at the time it was asked for.
 */
import type { StorageFailure } from '../storage/storage-health.js'

interface Waiting {
  run: () => void
  abandon?: (error: StorageFailure) => void
  after: number
}

export class StoredWork {
  private waiting: Waiting[] = []
  /** Updates received so far, and how many of them are applied with their effects stored. */
  private received = 0
  private stored = 0

  /** An update arrived (it is queued, not yet applied). */
  receivedOne(): void {
    this.received++
  }

  /** How many updates have arrived: what a batch applied now holds the effects of. */
  get receivedSoFar(): number {
    return this.received
  }

  /** The effects of the updates received up to `through` are stored. */
  storedThrough(through: number): void {
    this.stored = Math.max(this.stored, through)
  }

  /** Whether some updates received have not been stored yet. */
  get behind(): boolean {
    return this.stored < this.received
  }

  add(run: () => void, abandon?: (error: StorageFailure) => void): void {
    this.waiting.push({ run, abandon, after: this.received })
  }

  /** Runs the work whose updates are stored; call only while the doc holds nothing unstored. */
  runDue(): void {
    const due = this.waiting.filter(({ after }) => after <= this.stored)
    if (due.length === 0) return
    this.waiting = this.waiting.filter(({ after }) => after > this.stored)
    for (const { run } of due) run()
  }

  /** The room failed or closed: nothing waiting will run. */
  abandonAll(error: () => StorageFailure): void {
    for (const { abandon } of this.waiting.splice(0)) abandon?.(error())
  }
}

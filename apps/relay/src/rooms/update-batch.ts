/**
 * The doc's changes since the last flush, gathered so that they are merged into one update and
 * appended to the doc's log once, before anyone is sent them.
 */
import * as Y from 'yjs'

export interface GatheredUpdate {
  readonly update: Uint8Array
  /** The transaction origin of every gathered change when there was only one: it has the update already. */
  readonly sender: unknown
}

export class UpdateBatch {
  private updates: Uint8Array[] = []
  private origins = new Set<unknown>()

  get isEmpty(): boolean {
    return this.updates.length === 0
  }

  get bytes(): number {
    return this.updates.reduce((sum, update) => sum + update.length, 0)
  }

  add(update: Uint8Array, origin: unknown): void {
    this.updates.push(update)
    this.origins.add(origin)
  }

  /** Merges the gathered changes into one update, emptying the batch. */
  take(): GatheredUpdate {
    const updates = this.updates
    const origins = this.origins
    this.updates = []
    this.origins = new Set()
    const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    return { update: merged, sender: origins.size === 1 ? [...origins][0] : undefined }
  }
}

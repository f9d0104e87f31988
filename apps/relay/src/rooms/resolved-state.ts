/**
 * What a room serves of its doc: the state without updates still waiting for their dependencies
 * (Yjs would include those, but until they resolve they are unverified and must not reach joiners
 * or snapshots), with the encodings every joiner gets cached until the doc changes.
 */
import * as Y from 'yjs'
import { encodeSyncStep1, encodeSyncStep2, updateInSyncStep2 } from './messages.js'

export class ResolvedState {
  private fullState: Uint8Array | null = null
  private stateVector: Uint8Array | null = null

  constructor(private readonly doc: Y.Doc) {}

  /** The doc changed: the cached encodings are stale. */
  changed(): void {
    this.fullState = null
    this.stateVector = null
  }

  /** The doc's state vector as a sync step 1, as every joiner is sent it. */
  syncStep1(): Uint8Array {
    this.stateVector ??= encodeSyncStep1(this.doc)
    return this.stateVector
  }

  /** The answer to a peer's sync step 1: what it lacks, as a sync step 2. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size === 0) return this.fullSyncStep2()
    return encodeSyncStep2(this.encode(stateVector))
  }

  /**
   * The whole board for a page's first load over HTTP, as one update (the sync's V1 encoding: V2's
   * shared string table would stay alive in the browser through every string sliced from it): the
   * update inside the cached full state joiners get, and the state vector it brings a doc to (so
   * the page can ask the sync for what came after it before it has read it).
   */
  snapshot(): { update: Uint8Array; stateVector: Uint8Array } {
    // Unresolved updates are in neither: the store's state vector counts integrated structs only.
    return { update: updateInSyncStep2(this.fullSyncStep2()), stateVector: Y.encodeStateVector(this.doc) }
  }

  /** The resolved state as one update, or what of it comes after `stateVector`. */
  encode(stateVector?: Uint8Array): Uint8Array {
    const store = this.doc.store
    const { pendingStructs, pendingDs } = store
    store.pendingStructs = null
    store.pendingDs = null
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector)
    } finally {
      store.pendingStructs = pendingStructs
      store.pendingDs = pendingDs
    }
  }

  /** The whole board as a sync step 2, encoded once until the next change for joiners and snapshots alike. */
  private fullSyncStep2(): Uint8Array {
    this.fullState ??= encodeSyncStep2(this.encode())
    return this.fullState
  }
}

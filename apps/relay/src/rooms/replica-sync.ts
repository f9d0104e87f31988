/**
 * How a room keeps up with the updates other relays commit to the same doc (several relays on one
 * database): each arrives by the cluster bus with its place in the doc's commit order and is applied
 * once; a gap waits a moment for its update to arrive by the bus and is then read from storage, or,
 * when another relay's compaction has folded it into the snapshot, the whole doc is read again.
 */
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { StoredDoc } from '../storage/storage.js'
import type { DocLog } from './doc-log.js'

/** The transaction origin of updates another relay committed: stored already, so only sent on. */
export const COMMITTED_ELSEWHERE = Symbol('committed-elsewhere')
/** How long a gap in the commit order may wait for the update to arrive by the bus before it is read. */
const GAP_WAIT_MS = 30

/** Where the doc's committed updates are read from when the bus did not bring them. */
export interface CommittedUpdates {
  /** The doc's committed updates after `seq`, in order. */
  updatesAfter(seq: number): Promise<Array<{ seq: number; update: Uint8Array }>>
  /** The doc as stored: its snapshot and the log after it. */
  load(): Promise<StoredDoc>
}

export class ReplicaSync {
  private catchUpQueued = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly stored: DocLog,
    private readonly source: CommittedUpdates,
    /** Whether the room has failed (and takes nothing in any more). */
    private readonly broken: () => boolean,
    private readonly log: Logger,
    private readonly roomKey: string,
  ) {}

  /** An update another relay committed, with its sequence number; a repeat is ignored. */
  apply(seq: number, update: Uint8Array): void {
    if (this.broken() || !this.stored.counted(seq, update)) return
    Y.applyUpdate(this.doc, update, COMMITTED_ELSEWHERE)
    this.gapSeen()
  }

  /** Reads the committed updates after those the doc holds in order, once a gap has waited a moment. */
  gapSeen(): void {
    if (!this.stored.hasGap || this.catchUpQueued) return
    this.catchUpQueued = true
    setTimeout(() => {
      this.catchUpQueued = false
      if (!this.stored.hasGap) return
      this.catchUp().catch((error: unknown) => {
        this.log.error({ room: this.roomKey, err: error }, 'could not read missed updates; tried again on the next gap')
      })
    }, GAP_WAIT_MS).unref()
  }

  /** Reads from storage the committed updates after those the doc holds in order. */
  async catchUp(): Promise<void> {
    if (this.broken()) return
    for (const { seq, update } of await this.source.updatesAfter(this.stored.storedThrough)) this.apply(seq, update)
    // What is still missing was folded into the snapshot by another relay's compaction meanwhile.
    if (this.stored.hasGap) await this.resync()
  }

  /** Reads the whole doc from storage and takes in whatever it lacks (news may have been missed). */
  async resync(): Promise<void> {
    if (this.broken()) return
    const stored = await this.source.load()
    if (this.broken()) return
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot)
        for (const update of stored.updates) Y.applyUpdate(this.doc, update)
      },
      COMMITTED_ELSEWHERE,
    )
    this.stored.readWhole(stored.lastSeq)
  }
}

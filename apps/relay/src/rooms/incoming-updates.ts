/**
 * Updates received this tick, applied together when the tick ends, in one transaction: Yjs then
 * cleans up once and emits one update for all of them, which is stored and broadcast once. Each
 * update is still applied on its own, so a bad one refuses only its sender.
 */
import { CloseCode } from '@samla/protocol'
import * as Y from 'yjs'
import type { Peer } from './peer.js'
import { RejectedMessageError } from './rejected-message.js'

/** The transaction's origin when several senders' updates were applied together. */
const BATCH = Symbol('batch')

export interface AppliedUpdates {
  /** Senders whose update was refused; each is to be closed. */
  readonly refused: Map<Peer, RejectedMessageError>
  /** Senders ahead of the doc: their update waits for changes the room has not received. */
  readonly ahead: Set<Peer>
}

export class IncomingUpdates {
  private queue: Array<{ peer: Peer; update: Uint8Array }> = []
  private queuedBytes = 0

  get bytes(): number {
    return this.queuedBytes
  }

  get isEmpty(): boolean {
    return this.queue.length === 0
  }

  add(peer: Peer, update: Uint8Array): void {
    this.queue.push({ peer, update })
    this.queuedBytes += update.length
  }

  /** Applies the queued updates of senders still in the room, and empties the queue. */
  applyTo(doc: Y.Doc, inRoom: (peer: Peer) => boolean, maxUnresolvedBytes: number): AppliedUpdates {
    const batch = this.queue
    this.queue = []
    this.queuedBytes = 0
    const senders = new Set(batch.map(({ peer }) => peer.socket))
    const refused = new Map<Peer, RejectedMessageError>()
    const ahead = new Set<Peer>()
    doc.transact(
      () => {
        for (const { peer, update } of batch) {
          if (refused.has(peer) || !inRoom(peer)) continue
          try {
            Y.applyUpdate(doc, update, peer.socket)
          } catch (error) {
            refused.set(peer, new RejectedMessageError('malformed', CloseCode.MalformedMessage, String(error)))
            continue
          }
          const unresolved = unresolvedBytes(doc)
          if (unresolved > maxUnresolvedBytes) {
            // Updates whose dependencies never arrive would otherwise pile up in memory and then in
            // every snapshot. Dropping them is safe: the sender is closed and on reconnect syncs afresh.
            doc.store.pendingStructs = null
            doc.store.pendingDs = null
            refused.set(
              peer,
              new RejectedMessageError('unresolved', CloseCode.MalformedMessage, 'missing dependencies'),
            )
          } else if (unresolved > 0) {
            ahead.add(peer)
          }
        }
      },
      // With one sender, the broadcast can skip it; with several, everyone gets the merge.
      senders.size === 1 ? [...senders][0] : BATCH,
    )
    return { refused, ahead }
  }
}

/** Bytes Yjs holds back because their dependencies have not arrived (a short gap is normal). */
function unresolvedBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store
  return (pendingStructs?.update.length ?? 0) + (pendingDs?.length ?? 0)
}

/**
 * Updates received this tick, applied together when the tick ends, in one transaction: Yjs then
 * cleans up once and emits one update for all of them, which is stored and broadcast once. Each
 * update is still applied on its own, so a bad one refuses only its sender. A participant's update
 * is judged first against the doc as it stands (the board's rules: @samla/board's checkUpdate); a
 * refused one never touches the doc, so it is neither stored nor broadcast.
 */
import { checkUpdate, type Writer } from '@samla/board'
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

export interface ApplyRules {
  readonly inRoom: (peer: Peer) => boolean
  /** The rules a peer's update is judged by; null for a writer the board trusts (a facilitator). */
  readonly writerRules: (peer: Peer) => Writer | null
  readonly maxUnresolvedBytes: number
}

export class IncomingUpdates {
  private queue: Array<{ peer: Peer; update: Uint8Array }> = []
  private queuedBytes = 0
  /** Bytes of a participant's updates dropped as `later` since its last one that could be judged. */
  private readonly dropped = new WeakMap<Peer, number>()

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
  applyTo(doc: Y.Doc, { inRoom, writerRules, maxUnresolvedBytes }: ApplyRules): AppliedUpdates {
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
          const writer = writerRules(peer)
          const verdict = writer ? checkUpdate(doc, update, writer) : null
          if (verdict?.kind === 'invalid') {
            refused.set(peer, new RejectedMessageError('invalid-change', CloseCode.ChangeRefused, verdict.reason))
            continue
          }
          if (verdict?.kind === 'malformed') {
            refused.set(peer, new RejectedMessageError('malformed', CloseCode.MalformedMessage, verdict.reason))
            continue
          }
          if (verdict?.kind === 'later') {
            // It builds on changes the room lacks: dropped, and the sender is asked for everything
            // the room lacks, which then arrives in one piece that can be judged. A sender that
            // keeps sending what never resolves is cut off, as for held-back updates below.
            const dropped = (this.dropped.get(peer) ?? 0) + update.length
            this.dropped.set(peer, dropped)
            if (dropped > maxUnresolvedBytes) {
              refused.set(
                peer,
                new RejectedMessageError('unresolved', CloseCode.MalformedMessage, 'missing dependencies'),
              )
            } else {
              ahead.add(peer)
            }
            continue
          }
          if (verdict) this.dropped.delete(peer)
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

/**
 * A room's awareness (presence): which connection owns which client id, and which entries changed
 * since the last flush. A connection may change only entries it owns, each within its size
 * (awareness-guard.ts); a viewer's entries carry its name only (viewer-presence.ts). The relay has
 * no presence of its own. With several relays, the entries of other relays' connections are held
 * too, by relay, so that they go when that relay does; only this relay's own changes are passed on.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { RelayLimits } from '../base/config.js'
import type { RejectReason } from '../base/metrics.js'
import { checkAwareness, readAwarenessEntries } from './awareness-guard.js'
import { encodeAwareness } from './messages.js'
import type { Peer } from './peer.js'
import { viewerPresence } from './viewer-presence.js'

const REFUSALS = {
  'not-own': 'awareness-not-own',
  cap: 'awareness-cap',
  'too-big': 'awareness-too-big',
} as const satisfies Record<string, RejectReason>

/** The origin of entries applied from another relay. */
class OtherRelay {
  constructor(readonly id: string) {}
}

export class RoomAwareness {
  private readonly awareness: awarenessProtocol.Awareness
  private readonly owners = new Map<number, Peer>()
  /** Entries of other relays' connections, by the relay that holds each. */
  private readonly elsewhere = new Map<number, string>()
  private readonly changed = new Set<number>()
  /** Changes of this relay's own connections since the last `takeOwnChanges`. */
  private readonly changedHere = new Set<number>()

  /** `onChange` is called whenever an entry changed, so that the change is flushed. */
  constructor(
    doc: Y.Doc,
    private readonly onChange: () => void,
    /** Whether other relays serve the doc too (and are to hear of this relay's changes). */
    private readonly shared: boolean,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  get isEmpty(): boolean {
    return this.awareness.getStates().size === 0
  }

  /** Every entry, as one message. */
  everyone(): Uint8Array {
    return encodeAwareness(this.awareness, [...this.awareness.getStates().keys()])
  }

  /**
   * Applies a peer's awareness update, or returns why it was dropped (not closed: a reconnecting tab
   * may briefly claim the id its dead socket still holds). Throws on a malformed update.
   */
  receive(peer: Peer, update: Uint8Array, limits: RelayLimits): RejectReason | null {
    const entries = readAwarenessEntries(update)
    const verdict = checkAwareness(
      entries,
      peer.owned,
      {
        clockOf: (id) => this.awareness.meta.get(id)?.clock,
        hasState: (id) => this.awareness.states.has(id),
        ownerIsOther: (id) => this.elsewhere.has(id) || (this.owners.get(id) ?? peer) !== peer,
      },
      { maxEntries: limits.maxAwarenessEntriesPerConnection, maxEntryBytes: limits.maxPresenceEntryBytes },
    )
    if (!verdict.ok) return REFUSALS[verdict.reason]
    for (const id of verdict.claimed) {
      peer.owned.add(id)
      this.owners.set(id, peer)
    }
    const applied = peer.role === 'viewer' ? viewerPresence(entries) : update
    awarenessProtocol.applyAwarenessUpdate(this.awareness, applied, peer.socket)
    return null
  }

  /** Removes the entries a leaving peer owned. */
  release(peer: Peer): void {
    for (const id of peer.owned) this.owners.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.owned], null)
  }

  /** Applies another relay's presence changes (its own connections' entries). */
  receiveFrom(relayId: string, update: Uint8Array): void {
    for (const { clientId } of readAwarenessEntries(update)) {
      if (!this.owners.has(clientId)) this.elsewhere.set(clientId, relayId)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, new OtherRelay(relayId))
  }

  /** Removes the entries of a relay that is gone. */
  releaseRelay(relayId: string): void {
    const ids = [...this.elsewhere].filter(([, relay]) => relay === relayId).map(([id]) => id)
    for (const id of ids) this.elsewhere.delete(id)
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, new OtherRelay(relayId))
  }

  /** This relay's own connections' entries, as one awareness update; null when there are none. */
  own(): Uint8Array | null {
    if (this.owners.size === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.owners.keys()])
  }

  /** This relay's own connections' changes since the last call, as one awareness update for the other relays; null when none. */
  takeOwnChanges(): Uint8Array | null {
    if (this.changedHere.size === 0) return null
    const message = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.changedHere])
    this.changedHere.clear()
    return message
  }

  /** The entries changed since the last call, as one message; null when none changed. */
  takeChanges(): Uint8Array | null {
    if (this.changed.size === 0) return null
    const message = encodeAwareness(this.awareness, [...this.changed])
    this.changed.clear()
    return message
  }

  destroy(): void {
    this.awareness.destroy()
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const here = this.shared && !(origin instanceof OtherRelay)
    for (const id of [...added, ...updated, ...removed]) {
      this.changed.add(id)
      if (here) this.changedHere.add(id)
    }
    this.onChange()
  }
}

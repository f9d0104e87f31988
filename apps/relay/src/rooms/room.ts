/**
 * One live board: its Y.Doc, the peers connected to it, and the rules of the road.
 * - An update is committed to storage before any peer is sent it. Updates arriving in the same
 *   tick are merged, stored once and broadcast as one message encoded once; awareness likewise.
 * - A joiner with an empty state vector gets a cached encoding of the whole board.
 * - A room that cannot persist closes its sockets with 1011 and is unloaded at once, so it never
 *   serves state that storage does not have; whoever joins next gets the board as stored. While
 *   storage is failing, an update that would change the doc is refused before it touches it: only
 *   its sender is closed (1011), the readers stay.
 * The room ties its parts together: the peers (peer.ts), the updates received this tick
 * (incoming-updates.ts), the doc's changes on their way to storage (update-batch.ts), when they go
 * out (flush-schedule.ts), what is served of the doc (resolved-state.ts), presence
 * (room-awareness.ts) and, for a board doc, its dot vote (votes/vote-desk.ts).
 */

import type { Writer } from '@samla/board'
import { CloseCode, type Role } from '@samla/protocol'
import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import type WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { RelayLimits } from '../base/config.js'
import type { Metrics } from '../base/metrics.js'
import type { DocRef, Storage } from '../storage/storage.js'
import { StorageFailure } from '../storage/storage-health.js'
import type { VoteDesk } from '../votes/vote-desk.js'
import { DocLog } from './doc-log.js'
import { FlushSchedule } from './flush-schedule.js'
import { IncomingUpdates } from './incoming-updates.js'
import { encodeSyncStep1, encodeUpdate, MessageType } from './messages.js'
import { Peer, type PeerContext, type PeerIdentity } from './peer.js'
import { RejectedMessageError } from './rejected-message.js'
import { ResolvedState } from './resolved-state.js'
import { RoomAwareness } from './room-awareness.js'
import { UpdateBatch } from './update-batch.js'
import { WriteLimits } from './write-limits.js'

const LOADING = Symbol('loading')
const RELAY = Symbol('relay')

export interface RoomDeps {
  storage: Storage
  log: Logger
  metrics: Metrics
  limits: RelayLimits
  onEmpty: (room: Room) => void
  /** Whether a connection with this role may change this doc right now (roles, and the lock). */
  mayWrite: (role: Role) => boolean
  /** The rules a peer's updates are judged by before they touch the doc; null for a trusted writer. */
  writerRules: (peer: Peer) => Writer | null
  /** Called after each batch of updates is committed to storage. */
  afterStore?: (room: Room) => void
  /** Called for an update refused after it was queued; the socket should be closed. */
  onRejected: (socket: WebSocket, error: RejectedMessageError) => void
  /** Whether storage writes are failing right now (storage-health.ts). */
  storageFailing: () => boolean
  /** The room could not store a change: its sockets are closed, and it is to be unloaded now. */
  onFailed: (room: Room) => void
  /** Opens the dot vote over the loaded doc; given for a board doc only. */
  openVotes?: (doc: Y.Doc) => VoteDesk
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  private readonly schedule = new FlushSchedule(() => this.flushScheduled())
  private readonly state = new ResolvedState(this.doc)
  private readonly presence = new RoomAwareness(this.doc, () => this.schedule.request())
  private readonly peers = new Map<WebSocket, Peer>()
  private readonly peerContext: PeerContext
  private readonly incoming = new IncomingUpdates()
  private readonly stored: DocLog
  private readonly batch: UpdateBatch
  private readonly writeLimits: WriteLimits
  private compactQueued = false
  private broken = false

  /** `<boardId>/<kind>`, for logs and the room table. */
  readonly key: string
  /** The board's dot vote; null for a control doc. */
  readonly votes: VoteDesk | null

  constructor(
    readonly ref: DocRef,
    private readonly deps: RoomDeps,
  ) {
    this.key = `${ref.boardId}/${ref.kind}`
    this.peerContext = {
      roomKey: this.key,
      log: deps.log,
      metrics: deps.metrics,
      limits: deps.limits,
      leave: (peer) => this.leave(peer.socket),
    }
    const loaded = deps.storage.loadDoc(ref)
    Y.transact(
      this.doc,
      () => {
        if (loaded.snapshot) Y.applyUpdate(this.doc, loaded.snapshot)
        for (const update of loaded.updates) Y.applyUpdate(this.doc, update)
      },
      LOADING,
    )
    this.votes = deps.openVotes?.(this.doc) ?? null
    this.writeLimits = new WriteLimits(this.doc, deps.limits)
    this.stored = new DocLog(deps.storage, ref, loaded)
    this.batch = new UpdateBatch(this.stored, deps.metrics)
    this.doc.on('update', this.onDocUpdate)
    this.compactIfDue()
  }

  get size(): number {
    return this.peers.size
  }

  join(socket: WebSocket, identity: PeerIdentity): void {
    const peer = new Peer(socket, identity, this.peerContext)
    this.peers.set(socket, peer)
    peer.send(this.state.syncStep1())
    if (!this.presence.isEmpty) peer.send(this.presence.everyone())
  }

  leave(socket: WebSocket): void {
    const peer = this.peers.get(socket)
    if (!peer) return
    this.peers.delete(socket)
    this.presence.release(peer)
    this.votes?.forget(peer)
    if (this.peers.size === 0) this.deps.onEmpty(this)
  }

  /** Applies one frame; throws RejectedMessageError for anything it refuses. */
  receive(socket: WebSocket, frame: Uint8Array): void {
    const peer = this.peers.get(socket)
    if (this.broken || !peer) return
    try {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.Sync) this.receiveSync(peer, decoder)
      else if (type === MessageType.Awareness) this.receiveAwareness(peer, decoding.readVarUint8Array(decoder))
      else if (type === MessageType.QueryAwareness) peer.send(this.presence.everyone())
      else if (type === MessageType.Vote && this.votes) this.receiveVote(this.votes, peer, decoder)
      else if (type !== MessageType.Auth) throw new Error(`unknown message type ${type}`)
    } catch (error) {
      if (error instanceof RejectedMessageError) throw error
      throw new RejectedMessageError('malformed', CloseCode.MalformedMessage, (error as Error).message)
    }
  }

  /** Stores and broadcasts whatever this tick gathered. Called before any state is sent out. */
  flushPending(): void {
    this.schedule.flushing()
    if (!this.incoming.isEmpty && !this.broken) this.applyIncoming()
    if (!this.batch.isEmpty && !this.broken) this.flushUpdates()
    if (this.broken) return
    const presence = this.presence.takeChanges()
    if (presence) for (const peer of this.peers.values()) peer.send(presence)
  }

  /** Folds the update log into one snapshot. Cheap when nothing changed. */
  compact(): void {
    this.flushPending()
    const updates = this.stored.unfolded
    if (updates === 0 || this.broken) return
    const started = performance.now()
    this.stored.compact(this.storedState())
    this.deps.metrics.compactions.inc()
    this.deps.log.debug({ room: this.key, updates, ms: performance.now() - started }, 'compacted')
  }

  /** A change made by the relay itself (a restore): stored and broadcast like anyone's, before this returns. */
  change(fn: (doc: Y.Doc) => void): void {
    this.storedState()
    this.doc.transact(() => fn(this.doc), RELAY)
    this.storedState()
  }

  /** Closes the sockets of the given roles (all when none given). */
  closeAll(code: number, reason: string, roles?: readonly Role[]): void {
    for (const peer of this.peers.values()) {
      if (!roles || roles.includes(peer.role)) peer.socket.close(code, reason)
    }
  }

  destroy(): void {
    this.votes?.destroy()
    this.doc.off('update', this.onDocUpdate)
    this.presence.destroy()
    this.doc.destroy()
  }

  /**
   * The whole board for a page's first load over HTTP (see ResolvedState.snapshot); null once the
   * room's storage has failed.
   */
  snapshot(): { update: Uint8Array; stateVector: Uint8Array } | null {
    this.flushPending()
    // A room whose storage write failed may hold changes that were never stored: none is served.
    if (this.broken) return null
    return this.state.snapshot()
  }

  /**
   * The doc's state as stored, without updates still waiting for their dependencies (see
   * ResolvedState): what this tick gathered is stored first. Throws a StorageFailure when that
   * failed, for the room then holds changes that storage does not have.
   */
  storedState(): Uint8Array {
    this.flushPending()
    if (this.broken) throw new StorageFailure(`board ${this.key} could not store its changes`)
    return this.state.encode()
  }

  private receiveSync(peer: Peer, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder)
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      // Nobody may receive state that is not yet stored.
      this.flushPending()
      if (!this.broken) peer.send(this.state.syncStep2For(stateVector))
      return
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message ${kind}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    if (!this.deps.mayWrite(peer.role)) {
      // Read-only here (a viewer, a participant on the control doc, or the board is locked):
      // the update is dropped whole, never stored or broadcast; the connection may still read.
      this.deps.metrics.rejected.inc({ reason: 'read-only' })
      return
    }
    this.writeLimits.admit(update, this.stored.storedBytes + this.incoming.bytes + this.batch.bytes)
    // It could not be stored; the sender keeps it and sends it again when it reconnects.
    if (this.deps.storageFailing() && !Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) {
      throw new RejectedMessageError('storage-failing', CloseCode.InternalError, 'storage failure')
    }
    this.incoming.add(peer, update)
    this.schedule.request()
  }

  private applyIncoming(): void {
    const started = performance.now()
    const { refused, ahead } = this.incoming.applyTo(this.doc, {
      inRoom: (peer) => this.peers.has(peer.socket),
      writerRules: this.deps.writerRules,
      maxUnresolvedBytes: this.deps.limits.maxUnresolvedBytes,
    })
    this.deps.metrics.updateApplySeconds.observe((performance.now() - started) / 1000)
    this.writeLimits.applied()
    // A sender that is ahead of us (e.g. its edits were refused while the board was locked) gets
    // our state vector, so its client sends everything we lack and the gap resolves.
    if (ahead.size > 0) {
      const stateVector = encodeSyncStep1(this.doc)
      for (const peer of ahead) if (!refused.has(peer)) peer.send(stateVector)
    }
    for (const [peer, error] of refused) this.deps.onRejected(peer.socket, error)
  }

  private receiveVote(votes: VoteDesk, peer: Peer, decoder: decoding.Decoder): void {
    // The vote sees the board as this peer's earlier messages left it (a note it just wrote).
    this.flushPending()
    if (this.broken) return
    try {
      votes.receive(peer, decoder)
    } catch (error) {
      // The dot was not stored, so it was not counted either: the asker is told by its close.
      if (error instanceof StorageFailure) {
        throw new RejectedMessageError('storage-failing', CloseCode.InternalError, 'storage failure')
      }
      throw error
    }
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const dropped = this.presence.receive(peer, update, this.deps.limits)
    if (dropped) this.deps.metrics.rejected.inc({ reason: dropped })
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADING) return
    this.batch.add(update, origin)
    this.state.changed()
    this.schedule.request()
  }

  private flushUpdates(): void {
    const committed = this.batch.commit((error) => this.fail(error))
    if (!committed) return
    const message = encodeUpdate(committed.update)
    // The sender already has its own update; with several senders, everyone gets the merge.
    for (const peer of this.peers.values()) {
      if (peer.socket !== committed.sender) peer.send(message)
    }
    this.compactIfDue()
    this.deps.afterStore?.(this)
  }

  private compactIfDue(): void {
    if (this.compactQueued || !this.stored.dueForCompaction(this.deps.limits)) return
    this.compactQueued = true
    // Off the message path: a broadcast never waits for a compaction.
    setImmediate(() => {
      this.compactQueued = false
      try {
        this.compact()
      } catch (error) {
        this.deps.log.error({ room: this.key, err: error }, 'compaction failed; the update log is kept')
      }
    })
  }

  /** A flush on the schedule has no caller to throw to: whatever goes wrong in it fails the room. */
  private flushScheduled(): void {
    try {
      this.flushPending()
    } catch (error) {
      this.fail(error)
    }
  }

  private fail(error: unknown): void {
    if (this.broken) return
    this.broken = true
    this.deps.log.error({ room: this.key, err: error }, 'storage write failed; closing and unloading the room')
    this.closeAll(CloseCode.InternalError, 'storage failure')
    this.deps.onFailed(this)
  }
}

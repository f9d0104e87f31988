/**
 * One live board: its Y.Doc, the peers connected to it, and the rules of the road.
 * - An update is committed to storage before any peer is sent it. Updates arriving in the same
 *   tick are merged, stored once and broadcast as one message encoded once; awareness likewise.
 *   One commit is in flight at a time: what arrives meanwhile waits for it, so the doc is never
 *   more than one batch ahead of storage, and whatever must see only stored state (the answer to a
 *   sync step 1, which confirms to its sender everything it sent before; a snapshot; a vote) runs
 *   between commits, when the doc and storage agree.
 * - A joiner with an empty state vector gets a cached encoding of the whole board.
 * - A room that cannot persist closes its sockets with 1011 and is unloaded at once, so it never
 *   serves state that storage does not have; whoever joins next gets the board as stored. While
 *   storage is failing, an update that would change the doc is refused before it touches it: only
 *   its sender is closed (1011), the readers stay.
 * The room ties its parts together: the peers (peer.ts), the updates received this tick
 * (incoming-updates.ts), the doc's changes on their way to storage (update-batch.ts), when they go
 * out (flush-schedule.ts), the work waiting for stored state (stored-work.ts), what other relays
 * commit (replica-sync.ts), what is served of the doc (resolved-state.ts), presence
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
import type { RoomNews } from '../cluster/cluster-bus.js'
import type { DocRef, StoredDoc } from '../storage/storage.js'
import { StorageFailure } from '../storage/storage-health.js'
import type { VoteDesk } from '../votes/vote-desk.js'
import type { DocLog } from './doc-log.js'
import { FlushSchedule } from './flush-schedule.js'
import { IncomingUpdates } from './incoming-updates.js'
import { encodeSyncStep1, encodeUpdate, MessageType } from './messages.js'
import { Peer, type PeerContext, type PeerIdentity } from './peer.js'
import { RejectedMessageError } from './rejected-message.js'
import { COMMITTED_ELSEWHERE, type CommittedUpdates, ReplicaSync } from './replica-sync.js'
import { ResolvedState } from './resolved-state.js'
import { RoomAwareness } from './room-awareness.js'
import { StoredWork } from './stored-work.js'
import { UpdateBatch } from './update-batch.js'
import { WriteLimits } from './write-limits.js'

const LOADING = Symbol('loading')
const RELAY = Symbol('relay')

export interface RoomDeps {
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
  /** The doc's record in storage (its log), loaded with the doc. */
  docLog: DocLog
  /** The other relays serving the same boards, when there are any. */
  replica?: CommittedUpdates & { tell(news: RoomNews): void }
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  private readonly schedule = new FlushSchedule(() => this.pump())
  private readonly state = new ResolvedState(this.doc)
  private readonly presence: RoomAwareness
  private readonly peers = new Map<WebSocket, Peer>()
  private readonly peerContext: PeerContext
  private readonly incoming = new IncomingUpdates()
  private readonly stored: DocLog
  private readonly batch: UpdateBatch
  private readonly writeLimits: WriteLimits
  /** The batch being committed, if any: its bytes, and what settles once it is stored and sent. */
  private committing: { bytes: number; done: Promise<void> } | null = null
  /** Work that must see the doc as stored: run between commits (see `whenStored`). */
  private readonly storedWork = new StoredWork()
  private compacting: Promise<void> | null = null
  private compactQueued = false
  /** Keeps up with other relays' commits; null with one relay. */
  private readonly replicaSync: ReplicaSync | null
  private broken = false

  /** `<boardId>/<kind>`, for logs and the room table. */
  readonly key: string
  /** The board's dot vote; null for a control doc. */
  readonly votes: VoteDesk | null

  constructor(
    readonly ref: DocRef,
    private readonly deps: RoomDeps,
    loaded: StoredDoc,
  ) {
    this.key = `${ref.boardId}/${ref.kind}`
    this.presence = new RoomAwareness(this.doc, () => this.schedule.request(), deps.replica !== undefined)
    this.peerContext = {
      roomKey: this.key,
      log: deps.log,
      metrics: deps.metrics,
      limits: deps.limits,
      leave: (peer) => this.leave(peer.socket),
    }
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
    this.stored = deps.docLog
    this.replicaSync = deps.replica
      ? new ReplicaSync(this.doc, this.stored, deps.replica, () => this.broken, deps.log, this.key)
      : null
    this.batch = new UpdateBatch()
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

  /**
   * Runs `work` once every update received before it is stored and the doc holds nothing that is not
   * (now, if so), before any later update is applied; once the room has failed, `abandon` is called instead.
   */
  whenStored(run: () => void, abandon?: (error: StorageFailure) => void): void {
    if (this.broken) {
      abandon?.(this.failure())
      return
    }
    this.storedWork.add(run, abandon)
    this.schedule.request()
  }

  /** Resolves with `read` of the doc as stored; rejects with a StorageFailure once the room has failed. */
  readStored<T>(read: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.whenStored(() => {
        try {
          resolve(read())
        } catch (error) {
          reject(error)
        }
      }, reject)
    })
  }

  /** Folds the update log into one snapshot. Cheap when nothing changed; one at a time. */
  compact(): Promise<void> {
    this.compacting ??= this.compactNow().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  /**
   * A change made by the relay itself (a restore): stored and broadcast like anyone's before this
   * resolves, with what `fn` returned.
   */
  async change<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    const result = await this.readStored(() => this.doc.transact(() => fn(this.doc), RELAY))
    await this.storedState()
    return result
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
    this.storedWork.abandonAll(() => this.failure())
  }

  /**
   * The whole board for a page's first load over HTTP (see ResolvedState.snapshot); null once the
   * room's storage has failed.
   */
  async snapshot(): Promise<{ update: Uint8Array; stateVector: Uint8Array } | null> {
    // A room whose storage write failed may hold changes that were never stored: none is served.
    return this.readStored(() => this.state.snapshot()).catch((error: unknown) => {
      if (error instanceof StorageFailure) return null
      throw error
    })
  }

  /**
   * The doc's state as stored, without updates still waiting for their dependencies (see
   * ResolvedState). Rejects with a StorageFailure once the room has failed, for it may then hold
   * changes that storage does not have.
   */
  storedState(): Promise<Uint8Array> {
    return this.readStored(() => this.state.encode())
  }

  /** News of this doc from another relay. */
  hear(news: RoomNews, from: string): void {
    if (this.broken) return
    if (news.kind === 'update') this.replicaSync?.apply(news.seq, news.update)
    else if (news.kind === 'presence') this.presence.receiveFrom(from, news.update)
    else if (news.kind === 'dots') this.votes?.heard(news.voter, news.noteId, news.dots)
    else {
      const own = this.presence.own()
      if (own) this.deps.replica?.tell({ kind: 'presence', update: own })
    }
  }

  /** A relay is gone: the presence of its connections goes with it. */
  forgetRelay(relayId: string): void {
    this.presence.releaseRelay(relayId)
  }

  /** Reads from storage what other relays committed after what the doc holds in order. */
  catchUp(): Promise<void> {
    return this.replicaSync?.catchUp() ?? Promise.resolve()
  }

  /** Reads the whole doc from storage again (news may have been missed). */
  resync(): Promise<void> {
    return this.replicaSync?.resync() ?? Promise.resolve()
  }

  private receiveSync(peer: Peer, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder)
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      // Nobody may receive state that is not yet stored: the answer also confirms to its sender that
      // everything it sent before is.
      this.whenStored(() => peer.send(this.state.syncStep2For(stateVector)))
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
    this.writeLimits.admit(
      update,
      this.stored.storedBytes + this.incoming.bytes + this.batch.bytes + (this.committing?.bytes ?? 0),
    )
    // It could not be stored; the sender keeps it and sends it again when it reconnects.
    if (this.deps.storageFailing() && !Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) {
      throw new RejectedMessageError('storage-failing', CloseCode.InternalError, 'storage failure')
    }
    this.incoming.add(peer, update)
    this.storedWork.receivedOne()
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
    const request = votes.read(decoder)
    // The vote sees the board as this peer's earlier messages left it (a note it just wrote).
    this.whenStored(() => {
      votes.receive(peer, request).catch((error: unknown) => {
        // The dot was not stored, so it was not counted either: the asker is told by its close.
        if (error instanceof StorageFailure) peer.socket.close(CloseCode.InternalError, 'storage failure')
        else this.deps.log.error({ room: this.key, err: error }, 'vote failed')
      })
    })
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const dropped = this.presence.receive(peer, update, this.deps.limits)
    if (dropped) this.deps.metrics.rejected.inc({ reason: dropped })
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADING) return
    this.state.changed()
    if (origin === COMMITTED_ELSEWHERE) {
      const message = encodeUpdate(update)
      for (const peer of this.peers.values()) peer.send(message)
      return
    }
    this.batch.add(update, origin)
    this.schedule.request()
  }

  /**
   * One turn of the room: when no commit is in flight, runs the work waiting for stored state,
   * applies what arrived, and starts committing what that changed; presence goes out at once.
   */
  private pump(): void {
    this.schedule.flushing()
    if (this.broken) return
    if (!this.committing) {
      try {
        if (this.batch.isEmpty) this.storedWork.runDue()
        const through = this.storedWork.receivedSoFar
        if (!this.incoming.isEmpty) this.applyIncoming()
        if (!this.batch.isEmpty) this.commit(through)
        else if (this.storedWork.behind) {
          // What arrived changed nothing (refused, or known already): nothing to wait for.
          this.storedWork.storedThrough(through)
          this.storedWork.runDue()
        }
      } catch (error) {
        // A flush on the schedule has no caller to throw to: whatever goes wrong in it fails the room.
        this.fail(error)
        return
      }
    }
    const presence = this.presence.takeChanges()
    if (presence) for (const peer of this.peers.values()) peer.send(presence)
    const ownPresence = this.presence.takeOwnChanges()
    if (ownPresence) this.deps.replica?.tell({ kind: 'presence', update: ownPresence })
  }

  /** Commits the batch, which holds the effects of the updates received up to `through`. */
  private commit(through: number): void {
    const gathered = this.batch.take()
    const started = performance.now()
    const done = this.stored.append(gathered.update).then(
      (seq) => {
        this.deps.metrics.storageWriteSeconds.observe((performance.now() - started) / 1000)
        this.committing = null
        if (this.broken) return
        this.storedWork.storedThrough(through)
        this.deps.replica?.tell({ kind: 'update', seq, update: gathered.update })
        this.replicaSync?.gapSeen()
        const message = encodeUpdate(gathered.update)
        // The sender already has its own update; with several senders, everyone gets the merge.
        for (const peer of this.peers.values()) {
          if (peer.socket !== gathered.sender) peer.send(message)
        }
        this.compactIfDue()
        this.deps.afterStore?.(this)
        this.pump()
      },
      (error: unknown) => {
        this.committing = null
        this.fail(error)
      },
    )
    this.committing = { bytes: gathered.update.length, done }
  }

  private async compactNow(): Promise<void> {
    const before = this.stored.unfolded
    if (before === 0) return
    const { state, throughSeq } = await this.readStored(() => ({
      state: this.state.encode(),
      throughSeq: this.stored.storedThrough,
    }))
    const started = performance.now()
    if (!(await this.stored.compact(state, throughSeq))) return
    this.deps.metrics.compactions.inc()
    this.deps.log.debug({ room: this.key, updates: before, ms: performance.now() - started }, 'compacted')
  }

  private compactIfDue(): void {
    if (this.compactQueued || this.compacting || !this.stored.dueForCompaction(this.deps.limits)) return
    this.compactQueued = true
    // Off the message path: a broadcast never waits for a compaction.
    setImmediate(() => {
      this.compactQueued = false
      this.compact().catch((error: unknown) => {
        this.deps.log.error({ room: this.key, err: error }, 'compaction failed; the update log is kept')
      })
    })
  }

  private failure(): StorageFailure {
    return new StorageFailure(`board ${this.key} could not store its changes`)
  }

  private fail(error: unknown): void {
    if (this.broken) return
    this.broken = true
    this.deps.log.error({ room: this.key, err: error }, 'storage write failed; closing and unloading the room')
    this.closeAll(CloseCode.InternalError, 'storage failure')
    this.storedWork.abandonAll(() => this.failure())
    this.deps.onFailed(this)
  }
}

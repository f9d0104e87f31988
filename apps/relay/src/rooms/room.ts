/**
 * One live board: its Y.Doc and awareness, the sockets in it, and the rules of the road.
 * - An update is committed to storage before any peer is sent it. Updates arriving in the same
 *   tick are merged, stored once and broadcast as one message encoded once; awareness likewise.
 * - A joiner with an empty state vector gets a cached encoding of the whole board.
 * - A room that cannot persist closes its sockets and is unloaded, so it never serves state
 *   that storage does not have.
 */

import type { Role } from '@samla/protocol'
import { CloseCode } from '@samla/protocol'
import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import type WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { RelayLimits } from '../base/config.js'
import type { Metrics, RejectReason } from '../base/metrics.js'
import type { DocRef, Storage } from '../storage/storage.js'
import { checkAwareness } from './awareness-guard.js'
import { DocLog } from './doc-log.js'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MessageType,
  updateInSyncStep2,
} from './messages.js'

const LOADING = Symbol('loading')
const BATCH = Symbol('batch')
const RELAY = Symbol('relay')
/** Longest a change waits for others to share its broadcast, under sustained load only. */
const FLUSH_INTERVAL_MS = 4

/** A frame the relay refuses; the socket that sent it is closed with `closeCode`. */
export class RejectedMessageError extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly closeCode: number,
    message: string,
  ) {
    super(message)
  }
}

export interface RoomDeps {
  storage: Storage
  log: Logger
  metrics: Metrics
  limits: RelayLimits
  onEmpty: (room: Room) => void
  /** Whether a connection with this role may change this doc right now (roles, and the lock). */
  mayWrite: (role: Role) => boolean
  /** Called after each batch of updates is committed to storage. */
  afterStore?: (room: Room) => void
  /** Called for an update refused after it was queued; the socket should be closed. */
  onRejected: (socket: WebSocket, error: RejectedMessageError) => void
}

interface Peer {
  role: Role
  /** Awareness client ids this connection owns. */
  owned: Set<number>
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly sockets = new Map<WebSocket, Peer>()
  private readonly awarenessOwners = new Map<number, WebSocket>()
  /** Updates received this tick, applied together in one transaction when the tick ends. */
  private incoming: Array<{ socket: WebSocket; update: Uint8Array }> = []
  private incomingBytes = 0
  private pendingUpdates: Uint8Array[] = []
  private pendingOrigins = new Set<unknown>()
  private changedAwareness = new Set<number>()
  private flushQueued = false
  private lastFlushAt = Number.NEGATIVE_INFINITY
  private cachedFullState: Uint8Array | null = null
  private cachedStateVector: Uint8Array | null = null
  private readonly stored: DocLog
  private compactQueued = false
  private broken = false

  /** `<boardId>/<kind>`, for logs and the room table. */
  readonly key: string

  constructor(
    readonly ref: DocRef,
    private readonly deps: RoomDeps,
  ) {
    this.key = `${ref.boardId}/${ref.kind}`
    // The relay has no presence of its own.
    this.awareness.setLocalState(null)
    const loaded = deps.storage.loadDoc(ref)
    Y.transact(
      this.doc,
      () => {
        if (loaded.snapshot) Y.applyUpdate(this.doc, loaded.snapshot)
        for (const update of loaded.updates) Y.applyUpdate(this.doc, update)
      },
      LOADING,
    )
    this.stored = new DocLog(deps.storage, ref, loaded)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.compactIfDue()
  }

  get size(): number {
    return this.sockets.size
  }

  join(socket: WebSocket, role: Role): void {
    this.sockets.set(socket, { role, owned: new Set() })
    this.cachedStateVector ??= encodeSyncStep1(this.doc)
    this.send(socket, this.cachedStateVector)
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) this.send(socket, encodeAwareness(this.awareness, states))
  }

  leave(socket: WebSocket): void {
    const peer = this.sockets.get(socket)
    if (!peer) return
    this.sockets.delete(socket)
    for (const id of peer.owned) this.awarenessOwners.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.owned], null)
    if (this.sockets.size === 0) this.deps.onEmpty(this)
  }

  /** Applies one frame; throws RejectedMessageError for anything it refuses. */
  receive(socket: WebSocket, frame: Uint8Array): void {
    const peer = this.sockets.get(socket)
    if (this.broken || !peer) return
    try {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.Sync) this.receiveSync(socket, decoder, peer)
      else if (type === MessageType.Awareness) this.receiveAwareness(socket, peer, decoding.readVarUint8Array(decoder))
      else if (type === MessageType.QueryAwareness) {
        this.send(socket, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
      } else if (type !== MessageType.Auth) throw new Error(`unknown message type ${type}`)
    } catch (error) {
      if (error instanceof RejectedMessageError) throw error
      throw new RejectedMessageError('malformed', CloseCode.MalformedMessage, (error as Error).message)
    }
  }

  /** Stores and broadcasts whatever this tick gathered. Called before any state is sent out. */
  flushPending(): void {
    this.flushQueued = false
    this.lastFlushAt = performance.now()
    if (this.incoming.length > 0 && !this.broken) this.applyIncoming()
    if (this.pendingUpdates.length > 0 && !this.broken) this.flushUpdates()
    if (this.changedAwareness.size > 0) {
      const message = encodeAwareness(this.awareness, [...this.changedAwareness])
      this.changedAwareness.clear()
      for (const socket of this.sockets.keys()) this.send(socket, message)
    }
  }

  /** Folds the update log into one snapshot. Cheap when nothing changed. */
  compact(): void {
    this.flushPending()
    const updates = this.stored.unfolded
    if (updates === 0 || this.broken) return
    const started = performance.now()
    this.stored.compact(this.encodeResolvedState())
    this.deps.metrics.compactions.inc()
    this.deps.log.debug({ room: this.key, updates, ms: performance.now() - started }, 'compacted')
  }

  /** A change made by the relay itself (a restore): stored and broadcast like anyone's, before this returns. */
  change(fn: (doc: Y.Doc) => void): void {
    this.flushPending()
    this.doc.transact(() => fn(this.doc), RELAY)
    this.flushPending()
  }

  /** Closes the sockets of the given roles (all when none given). */
  closeAll(code: number, reason: string, roles?: readonly Role[]): void {
    for (const [socket, peer] of this.sockets) {
      if (!roles || roles.includes(peer.role)) socket.close(code, reason)
    }
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private receiveSync(socket: WebSocket, decoder: decoding.Decoder, peer: Peer): void {
    const kind = decoding.readVarUint(decoder)
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      // Nobody may receive state that is not yet stored.
      this.flushPending()
      this.send(socket, this.stateFor(stateVector))
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
    const queuedBytes = this.incomingBytes + this.pendingUpdates.reduce((sum, u) => sum + u.length, 0)
    if (this.stored.storedBytes + queuedBytes + update.length > this.deps.limits.maxBoardBytes) {
      throw new RejectedMessageError('board-too-large', CloseCode.BoardTooLarge, 'board size limit reached')
    }
    this.incoming.push({ socket, update })
    this.incomingBytes += update.length
    this.queueFlush()
  }

  /**
   * Applies this tick's updates in one transaction: Yjs then cleans up once and emits one
   * update for all of them, which is stored and broadcast once. Each update is still applied
   * on its own, so a bad one refuses only its sender.
   */
  private applyIncoming(): void {
    const batch = this.incoming
    this.incoming = []
    this.incomingBytes = 0
    const senders = new Set(batch.map(({ socket }) => socket))
    const refused = new Map<WebSocket, RejectedMessageError>()
    const behind = new Set<WebSocket>()
    const started = performance.now()
    this.doc.transact(
      () => {
        for (const { socket, update } of batch) {
          if (refused.has(socket) || !this.sockets.has(socket)) continue
          try {
            Y.applyUpdate(this.doc, update, socket)
          } catch (error) {
            refused.set(socket, new RejectedMessageError('malformed', CloseCode.MalformedMessage, String(error)))
            continue
          }
          const unresolved = this.unresolvedBytes()
          if (unresolved > this.deps.limits.maxUnresolvedBytes) {
            // Updates whose dependencies never arrive would otherwise pile up in memory and then in
            // every snapshot. Dropping them is safe: the sender is closed and on reconnect syncs afresh.
            this.doc.store.pendingStructs = null
            this.doc.store.pendingDs = null
            refused.set(
              socket,
              new RejectedMessageError('unresolved', CloseCode.MalformedMessage, 'missing dependencies'),
            )
          } else if (unresolved > 0) {
            behind.add(socket)
          }
        }
      },
      // With one sender, the broadcast can skip it; with several, everyone gets the merge.
      senders.size === 1 ? [...senders][0] : BATCH,
    )
    this.deps.metrics.updateApplySeconds.observe((performance.now() - started) / 1000)
    // A sender that is ahead of us (e.g. its edits were refused while the board was locked) gets
    // our state vector, so its client sends everything we lack and the gap resolves.
    if (behind.size > 0) {
      const stateVector = encodeSyncStep1(this.doc)
      for (const socket of behind) if (!refused.has(socket)) this.send(socket, stateVector)
    }
    for (const [socket, error] of refused) this.deps.onRejected(socket, error)
  }

  /** Bytes Yjs holds back because their dependencies have not arrived (a short gap is normal). */
  private unresolvedBytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store
    return (pendingStructs?.update.length ?? 0) + (pendingDs?.length ?? 0)
  }

  private stateFor(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size === 0) return this.fullState()
    return encodeSyncStep2(this.encodeResolvedState(stateVector))
  }

  /** The whole board as a sync step 2, encoded once until the next change for joiners and snapshots alike. */
  private fullState(): Uint8Array {
    this.cachedFullState ??= encodeSyncStep2(this.encodeResolvedState())
    return this.cachedFullState
  }

  /**
   * The whole board for a page's first load over HTTP, as one update (the sync's V1 encoding: V2's
   * shared string table would stay alive in the browser through every string sliced from it): the
   * update inside the cached full state joiners get, and the state vector it brings a doc to (so
   * the page can ask the sync for what came after it before it has read it); null once the room's
   * storage has failed.
   */
  snapshot(): { update: Uint8Array; stateVector: Uint8Array } | null {
    this.flushPending()
    // A room whose storage write failed may hold changes that were never stored: none is served.
    if (this.broken) return null
    // Unresolved updates are in neither: the store's state vector counts integrated structs only.
    return { update: updateInSyncStep2(this.fullState()), stateVector: Y.encodeStateVector(this.doc) }
  }

  /**
   * The doc's state without updates still waiting for their dependencies: Yjs would include
   * those, but until they resolve they are unverified and must not reach joiners or snapshots.
   */
  encodeResolvedState(stateVector?: Uint8Array): Uint8Array {
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

  private receiveAwareness(socket: WebSocket, peer: Peer, update: Uint8Array): void {
    const owned = peer.owned
    const verdict = checkAwareness(
      update,
      owned,
      {
        clockOf: (id) => this.awareness.meta.get(id)?.clock,
        hasState: (id) => this.awareness.states.has(id),
        ownerIsOther: (id) => (this.awarenessOwners.get(id) ?? socket) !== socket,
      },
      this.deps.limits.maxAwarenessEntriesPerConnection,
    )
    if (!verdict.ok) {
      // Dropped, not closed: a reconnecting tab may briefly claim the id its dead socket still holds.
      this.deps.metrics.rejected.inc({ reason: verdict.reason === 'cap' ? 'awareness-cap' : 'awareness-not-own' })
      return
    }
    for (const id of verdict.claimed) {
      owned.add(id)
      this.awarenessOwners.set(id, socket)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, socket)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADING) return
    this.pendingUpdates.push(update)
    this.pendingOrigins.add(origin)
    this.cachedFullState = null
    this.cachedStateVector = null
    this.queueFlush()
  }

  private readonly onAwarenessUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
    for (const id of [...added, ...updated, ...removed]) this.changedAwareness.add(id)
    this.queueFlush()
  }

  private flushUpdates(): void {
    const updates = this.pendingUpdates
    const origins = this.pendingOrigins
    this.pendingUpdates = []
    this.pendingOrigins = new Set()
    const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    const started = performance.now()
    try {
      this.stored.append(merged)
    } catch (error) {
      this.fail(error)
      return
    }
    this.deps.metrics.storageWriteSeconds.observe((performance.now() - started) / 1000)
    const message = encodeUpdate(merged)
    // The sender already has its own update; with several senders, everyone gets the merge.
    const skip = origins.size === 1 ? [...origins][0] : undefined
    for (const socket of this.sockets.keys()) {
      if (socket !== skip) this.send(socket, message)
    }
    this.compactIfDue()
    this.deps.afterStore?.(this)
  }

  /**
   * The first change after a quiet spell goes out at the end of this tick; while changes keep
   * coming, they are gathered for up to FLUSH_INTERVAL_MS so that every client applies one
   * update per interval instead of one per keystroke.
   */
  private queueFlush(): void {
    if (this.flushQueued) return
    this.flushQueued = true
    const wait = this.lastFlushAt + FLUSH_INTERVAL_MS - performance.now()
    if (wait <= 0) setImmediate(() => this.flushPending())
    else setTimeout(() => this.flushPending(), wait)
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

  private fail(error: unknown): void {
    this.broken = true
    this.deps.log.error({ room: this.key, err: error }, 'storage write failed; closing the room')
    this.closeAll(CloseCode.InternalError, 'storage failure')
  }

  private send(socket: WebSocket, message: Uint8Array): void {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > this.deps.limits.sendHighWaterBytes) {
      this.dropSlowConsumer(socket)
      return
    }
    socket.send(message)
    this.deps.metrics.messagesOut.inc()
    this.deps.metrics.bytesOut.inc(message.length)
  }

  private dropSlowConsumer(socket: WebSocket): void {
    this.deps.metrics.slowConsumersDropped.inc()
    this.deps.log.warn({ room: this.key, buffered: socket.bufferedAmount }, 'slow consumer dropped')
    this.leave(socket)
    socket.close(CloseCode.TooSlow, 'too slow')
    // It is not reading, so the close handshake may never finish: cut it shortly after.
    setTimeout(() => socket.terminate(), 1000).unref()
  }
}

/**
 * One live board: its Y.Doc and awareness, the sockets in it, and the rule that an update is
 * committed to storage before any peer is sent it. A room that cannot persist closes its
 * sockets and asks to be unloaded, so it never serves state that storage does not have.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Logger } from 'pino'
import type WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CloseCode } from './close-codes.js'
import { encodeAwareness, encodeSyncStep1, encodeUpdate, MessageType } from './protocol.js'
import type { Storage } from './storage/storage.js'

/** Past this many logged updates the log is folded into the snapshot. */
const COMPACT_AFTER_UPDATES = 500

const LOADING = Symbol('loading')

export class MalformedMessageError extends Error {}

function rethrow(error: Error): never {
  throw error
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Each socket with the awareness client ids it controls. */
  private readonly sockets = new Map<WebSocket, Set<number>>()
  private lastSeq = 0
  private updatesSinceSnapshot = 0
  private compactQueued = false
  private broken = false

  constructor(
    readonly id: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly onEmpty: (room: Room) => void,
  ) {
    // The relay has no presence of its own.
    this.awareness.setLocalState(null)
    const stored = storage.loadDoc(id)
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot)
        for (const update of stored.updates) Y.applyUpdate(this.doc, update)
      },
      LOADING,
    )
    this.lastSeq = stored.lastSeq
    this.updatesSinceSnapshot = stored.updates.length
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (this.updatesSinceSnapshot > COMPACT_AFTER_UPDATES) this.queueCompaction()
  }

  get size(): number {
    return this.sockets.size
  }

  join(socket: WebSocket): void {
    this.sockets.set(socket, new Set())
    this.send(socket, encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) this.send(socket, encodeAwareness(this.awareness, states))
  }

  leave(socket: WebSocket): void {
    const controlled = this.sockets.get(socket)
    if (!controlled) return
    this.sockets.delete(socket)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null)
    if (this.sockets.size === 0) this.onEmpty(this)
  }

  /** Applies one frame from `socket`; throws MalformedMessageError for anything undecodable. */
  receive(socket: WebSocket, frame: Uint8Array): void {
    if (this.broken) return
    try {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.Sync: {
          const reply = encoding.createEncoder()
          encoding.writeVarUint(reply, MessageType.Sync)
          // y-protocols swallows update errors unless given a handler; a bad update must close the socket.
          syncProtocol.readSyncMessage(decoder, reply, this.doc, socket, rethrow)
          if (encoding.length(reply) > 1) this.send(socket, encoding.toUint8Array(reply))
          break
        }
        case MessageType.Awareness:
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), socket)
          break
        case MessageType.QueryAwareness:
          this.send(socket, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
          break
        case MessageType.Auth:
          break
        default:
          throw new Error(`unknown message type ${type}`)
      }
    } catch (error) {
      throw new MalformedMessageError(error instanceof Error ? error.message : String(error))
    }
  }

  /** Folds the update log into one snapshot. Cheap when nothing changed. */
  flush(): void {
    if (this.updatesSinceSnapshot === 0 || this.broken) return
    const started = performance.now()
    this.storage.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
    this.log.debug({ room: this.id, updates: this.updatesSinceSnapshot, ms: performance.now() - started }, 'compacted')
    this.updatesSinceSnapshot = 0
  }

  closeAll(code: number, reason: string): void {
    for (const socket of this.sockets.keys()) socket.close(code, reason)
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADING || this.broken) return
    try {
      this.lastSeq = this.storage.appendUpdate(this.id, update)
    } catch (error) {
      this.fail(error)
      return
    }
    this.updatesSinceSnapshot++
    const message = encodeUpdate(update)
    for (const socket of this.sockets.keys()) {
      if (socket !== origin) this.send(socket, message)
    }
    if (this.updatesSinceSnapshot > COMPACT_AFTER_UPDATES) this.queueCompaction()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.sockets.get(origin as WebSocket)
    if (controlled) {
      for (const id of added) controlled.add(id)
      for (const id of removed) controlled.delete(id)
    }
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed])
    for (const socket of this.sockets.keys()) this.send(socket, message)
  }

  private queueCompaction(): void {
    if (this.compactQueued) return
    this.compactQueued = true
    // Off the message path: a broadcast never waits for a compaction.
    setImmediate(() => {
      this.compactQueued = false
      try {
        this.flush()
      } catch (error) {
        this.log.error({ room: this.id, err: error }, 'compaction failed; the update log is kept')
      }
    })
  }

  private fail(error: unknown): void {
    this.broken = true
    this.log.error({ room: this.id, err: error }, 'storage write failed; closing the room')
    this.closeAll(CloseCode.InternalError, 'storage failure')
  }

  private send(socket: WebSocket, message: Uint8Array): void {
    if (socket.readyState === socket.OPEN) socket.send(message)
  }
}

/**
 * The loaded rooms. A room loads on first join (loading is synchronous, so concurrent joins
 * always share one load) and unloads, after compacting, once it has been empty for the idle
 * grace; a join within the grace keeps it. A board room keeps its control room loaded, since
 * the lock in the control doc decides who may write the board.
 */
import { readControl } from '@samla/board'
import type { Logger } from 'pino'
import { type DocKind, mayWrite, type Role } from './access/roles.js'
import type { RelayLimits } from './config.js'
import type { Metrics } from './metrics.js'
import { Room, type RoomDeps } from './room.js'
import type { DocRef, Storage } from './storage/storage.js'

export interface RoomsDeps {
  storage: Storage
  log: Logger
  metrics: Metrics
  limits: RelayLimits
  onRejected: RoomDeps['onRejected']
  afterStore?: RoomDeps['afterStore']
}

const keyOf = (boardId: string, kind: DocKind) => `${boardId}/${kind}`

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>()

  constructor(private readonly deps: RoomsDeps) {}

  get count(): number {
    return this.rooms.size
  }

  open(ref: DocRef): Room {
    const existing = this.rooms.get(keyOf(ref.boardId, ref.kind))
    if (existing) {
      this.cancelUnload(existing)
      return existing
    }
    if (ref.kind === 'board') this.cancelUnload(this.open({ boardId: ref.boardId, kind: 'control' }))
    const room = new Room(ref, {
      ...this.deps,
      onEmpty: (empty) => this.scheduleUnload(empty),
      mayWrite: (role) => this.mayWrite(ref, role),
    })
    this.rooms.set(room.key, room)
    this.deps.metrics.rooms.set(this.rooms.size)
    this.deps.log.info({ room: room.key }, 'room loaded')
    return room
  }

  /** Runs `fn` on a room, loading it if needed; a room nobody joins unloads after the grace. */
  use<T>(ref: DocRef, fn: (room: Room) => T): T {
    const room = this.open(ref)
    try {
      return fn(room)
    } finally {
      if (room.size === 0) this.scheduleUnload(room)
    }
  }

  /** Closes the board's sockets of the given roles (both docs). */
  closeBoard(boardId: string, code: number, reason: string, roles?: readonly Role[]): void {
    for (const kind of ['board', 'control'] as const)
      this.rooms.get(keyOf(boardId, kind))?.closeAll(code, reason, roles)
  }

  /** Closes a deleted board's sockets and drops its rooms without writing anything back. */
  discardBoard(boardId: string, code: number, reason: string): void {
    for (const kind of ['board', 'control'] as const) {
      const room = this.rooms.get(keyOf(boardId, kind))
      if (!room) continue
      room.closeAll(code, reason)
      this.unload(room, { compact: false })
    }
  }

  /** Closes every socket with `code` and unloads every room now; used on shutdown. */
  closeAll(code: number, reason: string): void {
    for (const room of this.rooms.values()) {
      room.closeAll(code, reason)
      this.unload(room, { compact: true })
    }
  }

  private mayWrite(ref: DocRef, role: Role): boolean {
    if (!mayWrite(role, ref.kind)) return false
    if (role === 'facilitator' || ref.kind === 'control') return true
    const control = this.rooms.get(keyOf(ref.boardId, 'control'))
    return !(control && readControl(control.doc).locked)
  }

  private cancelUnload(room: Room): void {
    clearTimeout(this.unloadTimers.get(room))
    this.unloadTimers.delete(room)
  }

  private scheduleUnload(room: Room): void {
    if (this.rooms.get(room.key) !== room) return
    // The control room stays while its board room is loaded.
    if (room.ref.kind === 'control' && this.rooms.has(keyOf(room.ref.boardId, 'board'))) return
    this.cancelUnload(room)
    this.unloadTimers.set(
      room,
      // Up to 10 % later at random, so that hundreds of boards emptied at once (a relay restart,
      // the end of a day) do not all compact in the same tick and stall every other room.
      setTimeout(
        () => this.unload(room, { compact: true }),
        this.deps.limits.roomIdleGraceMs * (1 + Math.random() * 0.1),
      ),
    )
  }

  private unload(room: Room, { compact }: { compact: boolean }): void {
    this.cancelUnload(room)
    if (this.rooms.get(room.key) !== room) return
    this.rooms.delete(room.key)
    this.deps.metrics.rooms.set(this.rooms.size)
    if (compact) {
      try {
        room.compact()
      } catch (error) {
        this.deps.log.error({ room: room.key, err: error }, 'compaction on unload failed; the update log is kept')
      }
    }
    room.destroy()
    this.deps.log.info({ room: room.key }, 'room unloaded')
    if (compact && room.ref.kind === 'board') {
      // The board's grace is over; an unused control room goes with it.
      const control = this.rooms.get(keyOf(room.ref.boardId, 'control'))
      if (control && control.size === 0) this.unload(control, { compact: true })
    }
  }
}

/**
 * The loaded rooms. A room loads on first join (loading is synchronous, so concurrent joins
 * always share one load) and unloads, after compacting, once it has been empty for the idle
 * grace; a join within the grace keeps it.
 */
import type { Logger } from 'pino'
import type { RelayLimits } from './config.js'
import type { Metrics } from './metrics.js'
import { Room } from './room.js'
import type { Storage } from './storage/storage.js'

export interface RoomsDeps {
  storage: Storage
  log: Logger
  metrics: Metrics
  limits: RelayLimits
}

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>()

  constructor(private readonly deps: RoomsDeps) {}

  get count(): number {
    return this.rooms.size
  }

  open(boardId: string): Room {
    const existing = this.rooms.get(boardId)
    if (existing) {
      clearTimeout(this.unloadTimers.get(existing))
      this.unloadTimers.delete(existing)
      return existing
    }
    const room = new Room(boardId, { ...this.deps, onEmpty: (empty) => this.scheduleUnload(empty) })
    this.rooms.set(boardId, room)
    this.deps.metrics.rooms.set(this.rooms.size)
    this.deps.log.info({ room: boardId }, 'room loaded')
    return room
  }

  /** Closes every socket with `code` and unloads every room now; used on shutdown. */
  closeAll(code: number, reason: string): void {
    for (const room of this.rooms.values()) {
      room.closeAll(code, reason)
      this.unload(room)
    }
  }

  private scheduleUnload(room: Room): void {
    if (this.rooms.get(room.id) !== room) return
    clearTimeout(this.unloadTimers.get(room))
    this.unloadTimers.set(
      room,
      setTimeout(() => this.unload(room), this.deps.limits.roomIdleGraceMs),
    )
  }

  private unload(room: Room): void {
    clearTimeout(this.unloadTimers.get(room))
    this.unloadTimers.delete(room)
    if (this.rooms.get(room.id) !== room) return
    this.rooms.delete(room.id)
    this.deps.metrics.rooms.set(this.rooms.size)
    try {
      room.compact()
    } catch (error) {
      this.deps.log.error({ room: room.id, err: error }, 'compaction on unload failed; the update log is kept')
    }
    room.destroy()
    this.deps.log.info({ room: room.id }, 'room unloaded')
  }
}

/** The set of loaded rooms: a room loads on first join and unloads (after flushing) when empty. */
import type { Logger } from 'pino'
import { Room } from './room.js'
import type { Storage } from './storage/storage.js'

export class Rooms {
  private readonly rooms = new Map<string, Room>()

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
  ) {}

  get count(): number {
    return this.rooms.size
  }

  open(boardId: string): Room {
    let room = this.rooms.get(boardId)
    if (!room) {
      room = new Room(boardId, this.storage, this.log, (empty) => this.unload(empty))
      this.rooms.set(boardId, room)
      this.log.info({ room: boardId }, 'room loaded')
    }
    return room
  }

  /** Flushes every room and closes its sockets with `code`; used on shutdown. */
  closeAll(code: number, reason: string): void {
    for (const room of this.rooms.values()) {
      room.closeAll(code, reason)
      this.unload(room)
    }
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.id) !== room) return
    this.rooms.delete(room.id)
    try {
      room.flush()
    } catch (error) {
      this.log.error({ room: room.id, err: error }, 'flush on unload failed; the update log is kept')
    }
    room.destroy()
    this.log.info({ room: room.id }, 'room unloaded')
  }
}

/**
 * Board history: snapshots of a board doc taken on a schedule (at most one per interval while
 * the board changes), before risky operations on request, and before every restore. A restore
 * is itself a new change that everyone sees live, and can be undone by restoring again.
 * Snapshots older than the retention are dropped; deleting a board deletes them too. A scheduled
 * snapshot that cannot be stored (a nearly full disk) is logged and tried again an interval later:
 * the changes it would have kept are stored already, and nothing on a timer may end the relay.
 */
import { restoreBoard } from '@samla/board'
import type { Logger } from 'pino'
import type { Room } from '../rooms/room.js'
import type { Rooms } from '../rooms/rooms.js'
import type { HistoryReason, Storage } from '../storage/storage.js'

export interface HistorySettings {
  historyIntervalMs: number
  historyRetentionMs: number
}

export function createHistory(storage: Storage, settings: HistorySettings, rooms: () => Rooms, log: Logger) {
  const lastTaken = new Map<string, number>()

  async function keep(room: Room, reason: HistoryReason): Promise<number> {
    const now = Date.now()
    lastTaken.set(room.ref.boardId, now)
    const state = await room.storedState()
    return storage.addHistory(room.ref.boardId, state, reason, now, now - settings.historyRetentionMs)
  }

  /** Kept unless another relay serving the board kept one within the interval. */
  async function keepScheduled(room: Room): Promise<void> {
    const now = Date.now()
    lastTaken.set(room.ref.boardId, now)
    const state = await room.storedState()
    const keepAfter = now - settings.historyRetentionMs
    await storage.addScheduledHistory(room.ref.boardId, state, now, keepAfter, now - settings.historyIntervalMs)
  }

  return {
    /** Hooked after every stored batch: takes the scheduled snapshot when one is due. */
    afterStore(room: Room): void {
      if (room.ref.kind !== 'board') return
      if (Date.now() - (lastTaken.get(room.ref.boardId) ?? 0) < settings.historyIntervalMs) return
      keepScheduled(room).catch((error: unknown) => {
        log.error({ room: room.key, err: error }, 'scheduled history snapshot failed; tried again after the interval')
      })
    },
    /** Takes a snapshot of a loaded board now, before a change the relay makes on its own. */
    keepBefore(room: Room, reason: HistoryReason): Promise<number> {
      return keep(room, reason)
    },
    take(boardId: string, reason: HistoryReason): Promise<number> {
      return rooms().use({ boardId, kind: 'board' }, (room) => keep(room, reason))
    },
    /** Restores a snapshot as a new change; returns the id of the snapshot taken just before. */
    async restore(boardId: string, historyId: number): Promise<number | undefined> {
      const snapshot = await storage.getHistory(boardId, historyId)
      if (!snapshot) return undefined
      return rooms().use({ boardId, kind: 'board' }, async (room) => {
        const backup = await keep(room, 'before-restore')
        await room.change((doc) => restoreBoard(doc, snapshot))
        return backup
      })
    },
    forget(boardId: string): void {
      lastTaken.delete(boardId)
    },
  }
}

export type History = ReturnType<typeof createHistory>

/**
 * The loaded rooms. A room loads on first join (loading is synchronous, so concurrent joins
 * always share one load) and unloads, after compacting, once it has been empty for the idle
 * grace; a join within the grace keeps it. The board's lock and anonymous mode live in its control
 * doc: they are read from the control room when that is loaded, else from storage once and
 * remembered, so a board whose facilitator is not connected does not keep a second doc in memory.
 * A board's room holds its dot vote, which hears of every change to the control doc. A board stored
 * with entries that break its schema is repaired as it loads (repair-on-load.ts). A room whose
 * storage write failed is unloaded at once, so the next join loads the board as stored.
 */
import { type ControlState, readControl, type Writer } from '@samla/board'
import { type DocKind, mayWrite, type Role } from '@samla/protocol'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { RelayLimits } from '../base/config.js'
import type { Metrics } from '../base/metrics.js'
import type { DocRef, HistoryReason, Storage } from '../storage/storage.js'
import { BallotBox } from '../votes/ballot-box.js'
import { VoteDesk } from '../votes/vote-desk.js'
import { moveBallotsOutOfDoc } from './ballots-from-doc.js'
import type { Peer } from './peer.js'
import { repairOnLoad } from './repair-on-load.js'
import { Room, type RoomDeps } from './room.js'

export interface RoomsDeps {
  storage: Storage
  log: Logger
  metrics: Metrics
  limits: RelayLimits
  onRejected: RoomDeps['onRejected']
  afterStore?: RoomDeps['afterStore']
  storageFailing: RoomDeps['storageFailing']
  /** Takes a history snapshot of a board before the relay changes it on its own; returns its id. */
  snapshot: (room: Room, reason: HistoryReason) => number
}

const keyOf = (boardId: string, kind: DocKind) => `${boardId}/${kind}`

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>()
  /** Control state (lock, anonymous mode) of loaded boards whose control room is not loaded. */
  private readonly controls = new Map<string, ControlState>()

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
    const { boardId, kind } = ref
    const room = new Room(ref, {
      ...this.deps,
      onEmpty: (empty) => this.scheduleUnload(empty),
      onFailed: (failed) => this.unload(failed, { compact: false }),
      mayWrite: (role) => this.mayWrite(ref, role),
      writerRules: (peer) => this.writerRules(ref, peer),
      ...(kind === 'board' && {
        openVotes: (doc) => new VoteDesk(doc, new BallotBox(boardId, this.deps.storage), () => this.controlOf(boardId)),
      }),
    })
    this.rooms.set(room.key, room)
    this.deps.metrics.rooms.set(this.rooms.size)
    this.deps.log.info({ room: room.key }, 'room loaded')
    if (kind === 'control') {
      // Opening, closing or revealing the vote changes what its watchers may see.
      room.doc.on('update', () => this.rooms.get(keyOf(boardId, 'board'))?.votes?.controlChanged())
    } else {
      const { storage, log, snapshot } = this.deps
      try {
        repairOnLoad(room, { log, snapshot: (board) => snapshot(board, 'before-repair') })
        moveBallotsOutOfDoc(room, { storage, log, snapshot: (board) => snapshot(board, 'before-vote-move') })
      } catch (error) {
        // Not stored as it must be before anyone is sent the board: nobody is, until a load succeeds.
        this.unload(room, { compact: false })
        throw error
      }
    }
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
    this.controls.delete(boardId)
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
    return !this.isLocked(ref.boardId)
  }

  /** Facilitators and the control doc are trusted; everyone else's board updates are judged. */
  private writerRules(ref: DocRef, peer: Peer): Writer | null {
    if (peer.role === 'facilitator' || ref.kind === 'control') return null
    return { participantId: peer.identity.participant, anonymous: this.controlOf(ref.boardId).anonymous }
  }

  private isLocked(boardId: string): boolean {
    return this.controlOf(boardId).locked
  }

  /** The board's control state: from its control room when loaded, else from storage once and remembered. */
  private controlOf(boardId: string): ControlState {
    const control = this.rooms.get(keyOf(boardId, 'control'))
    if (control) return readControl(control.doc)
    let state = this.controls.get(boardId)
    if (state === undefined) {
      const stored = this.deps.storage.loadDoc({ boardId, kind: 'control' })
      const doc = new Y.Doc()
      for (const update of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
        Y.applyUpdate(doc, update)
      state = readControl(doc)
      doc.destroy()
      this.controls.set(boardId, state)
    }
    return state
  }

  private cancelUnload(room: Room): void {
    clearTimeout(this.unloadTimers.get(room))
    this.unloadTimers.delete(room)
  }

  private scheduleUnload(room: Room): void {
    if (this.rooms.get(room.key) !== room) return
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
    // The control room was the control state's source while loaded; remember its last word for the board.
    if (room.ref.kind === 'control' && this.rooms.has(keyOf(room.ref.boardId, 'board'))) {
      this.controls.set(room.ref.boardId, readControl(room.doc))
    }
    if (room.ref.kind === 'board') this.controls.delete(room.ref.boardId)
    room.destroy()
    this.deps.log.info({ room: room.key }, 'room unloaded')
  }
}

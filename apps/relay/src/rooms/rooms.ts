/**
 * The loaded rooms. A room loads on first join (concurrent joins of a board wait for, and share,
 * one load) and unloads, after compacting, once it has been empty for the idle
 * grace; a join within the grace keeps it. The board's lock and anonymous mode live in its control
 * doc: they are read from the control room when that is loaded, else from storage once and
 * remembered, so a board whose facilitator is not connected does not keep a second doc in memory.
 * A board's room holds its dot vote, which hears of every change to the control doc. A board stored
 * with entries that break its schema is repaired as it loads (repair-on-load.ts). A room whose
 * storage write failed is unloaded at once, so the next join loads the board as stored.
 * With several relays serving as one, each loaded doc follows its news on the cluster bus (and a
 * loaded board its control doc's, for the lock and the vote), and whatever the bus may have missed
 * is read from storage: after loading, after a relay is gone, after Redis comes back.
 */
import { type ControlState, readControl, type Writer } from '@samla/board'
import { type DocKind, mayWrite, type Role } from '@samla/protocol'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { RelayLimits } from '../base/config.js'
import type { Metrics } from '../base/metrics.js'
import type { ClusterBus, RoomNews } from '../cluster/cluster-bus.js'
import type { DocRef, HistoryReason, Storage } from '../storage/storage.js'
import { BallotBox } from '../votes/ballot-box.js'
import { VoteDesk } from '../votes/vote-desk.js'
import { moveBallotsOutOfDoc } from './ballots-from-doc.js'
import { DocLog } from './doc-log.js'
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
  snapshot: (room: Room, reason: HistoryReason) => Promise<number>
  /** The other relays, when several serve as one. */
  cluster?: ClusterBus
}

/** The control state of a board whose control doc holds nothing yet. */
const NO_CONTROL: ControlState = readControl(new Y.Doc())

const keyOf = (boardId: string, kind: DocKind) => `${boardId}/${kind}`

/** News held for one loading room at most. */
const MAX_HELD_NEWS = 10_000

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  /** Rooms being loaded: every join of one waits for the same load. */
  private readonly loading = new Map<string, Promise<Room>>()
  /**
   * Dots news heard for rooms being loaded, passed on once each is in the table: a dot stored by
   * another relay after the load read the ballots would otherwise be lost. Nothing else is held:
   * updates are read again by the room's catch-up, and presence is asked for again.
   */
  private readonly heldNews = new Map<string, Array<{ from: string; news: RoomNews }>>()
  /** Docs whose news this relay follows on the cluster bus, with how many loaded rooms want each. */
  private readonly following = new Map<string, number>()
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>()
  /** Control state (lock, anonymous mode) of loaded boards whose control room is not loaded. */
  private readonly controls = new Map<string, ControlState>()

  constructor(private readonly deps: RoomsDeps) {}

  get count(): number {
    return this.rooms.size
  }

  open(ref: DocRef): Promise<Room> {
    const key = keyOf(ref.boardId, ref.kind)
    const existing = this.rooms.get(key)
    if (existing) {
      this.cancelUnload(existing)
      return Promise.resolve(existing)
    }
    let loading = this.loading.get(key)
    if (!loading) {
      loading = this.load(ref).finally(() => {
        this.loading.delete(key)
        this.heldNews.delete(key)
      })
      this.loading.set(key, loading)
    }
    return loading
  }

  private async load(ref: DocRef): Promise<Room> {
    const { boardId, kind } = ref
    const { storage, cluster } = this.deps
    // Followed before loading, so that nothing committed after the load goes unheard.
    const followed = this.followsOf(ref)
    const read = async () => {
      await Promise.all(followed.map((key) => this.follow(key)))
      const [doc, ballots] = await Promise.all([
        storage.loadDoc(ref),
        kind === 'board' ? storage.loadBallots(boardId) : null,
        kind === 'board' ? this.loadControl(boardId) : null,
      ])
      return { loaded: doc, ballots }
    }
    const { loaded, ballots } = await read().catch((error: unknown) => {
      for (const key of followed) this.unfollow(key)
      throw error
    })
    const replica = cluster && {
      tell: (news: RoomNews) => cluster.tell(keyOf(boardId, kind), news),
      updatesAfter: (seq: number) => storage.updatesAfter(ref, seq),
      load: () => storage.loadDoc(ref),
    }
    const room = new Room(
      ref,
      {
        ...this.deps,
        docLog: new DocLog(storage, ref, loaded, cluster !== undefined),
        ...(replica && { replica }),
        onEmpty: (empty) => this.scheduleUnload(empty),
        onFailed: (failed) => void this.unload(failed, { compact: false }),
        mayWrite: (role) => this.mayWrite(ref, role),
        writerRules: (peer) => this.writerRules(ref, peer),
        ...(ballots && {
          openVotes: (doc) => {
            // Only a board has ballots, so the replica tells the board's news.
            const tell = (voter: string, noteId: string, dots: number) =>
              replica?.tell({ kind: 'dots', voter, noteId, dots })
            return new VoteDesk(doc, new BallotBox(boardId, storage, ballots, tell), () => this.controlOf(boardId))
          },
        }),
      },
      loaded,
    )
    if (kind === 'board') {
      // Repaired, and its ballots moved, before the room is in the table: until then every join of it
      // waits for this load, so nobody is sent the board as it was stored.
      const { log, snapshot } = this.deps
      try {
        await repairOnLoad(room, { log, snapshot: (board) => snapshot(board, 'before-repair') })
        await moveBallotsOutOfDoc(room, { storage, log, snapshot: (board) => snapshot(board, 'before-vote-move') })
      } catch (error) {
        room.destroy()
        for (const key of followed) this.unfollow(key)
        throw error
      }
    }
    this.rooms.set(room.key, room)
    for (const { from, news } of this.heldNews.get(room.key) ?? []) room.hear(news, from)
    this.deps.metrics.rooms.set(this.rooms.size)
    this.deps.log.info({ room: room.key }, 'room loaded')
    if (kind === 'control') {
      // Opening, closing or revealing the vote changes what its watchers may see.
      room.doc.on('update', () => this.rooms.get(keyOf(boardId, 'board'))?.votes?.controlChanged())
    }
    if (cluster) {
      // What was committed while the load ran, and published before the room could hear it.
      await room.catchUp()
      cluster.tell(room.key, { kind: 'presence-query' })
    }
    return room
  }

  /** Runs `fn` on a room, loading it if needed; a room nobody joins unloads after the grace. */
  async use<T>(ref: DocRef, fn: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.open(ref)
    try {
      return await fn(room)
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
      void this.unload(room, { compact: false })
    }
    this.controls.delete(boardId)
  }

  /** Closes every socket with `code` and unloads every room now, each compacted; used on shutdown. */
  async closeAll(code: number, reason: string): Promise<void> {
    await Promise.allSettled([...this.loading.values()])
    const unloading = [...this.rooms.values()].map((room) => {
      room.closeAll(code, reason)
      return this.unload(room, { compact: true })
    })
    await Promise.all(unloading)
  }

  /** News from another relay about a doc. */
  hear(roomKey: string, from: string, news: RoomNews): void {
    const room = this.rooms.get(roomKey)
    if (room) {
      room.hear(news, from)
      return
    }
    if (news.kind === 'dots' && this.loading.has(roomKey)) {
      const held = this.heldNews.get(roomKey) ?? []
      // Bounded: a load that takes long under a storm of dots keeps the newest.
      if (held.length >= MAX_HELD_NEWS) held.shift()
      held.push({ from, news })
      this.heldNews.set(roomKey, held)
    }
    // A loaded board without its control room here: its lock or vote may have changed.
    const [boardId, kind] = roomKey.split('/') as [string, DocKind]
    if (kind === 'control' && news.kind === 'update' && this.rooms.has(keyOf(boardId, 'board'))) {
      this.refreshControl(boardId)
    }
  }

  /** A relay is gone: its connections' presence goes, and what it committed without telling is read. */
  relayGone(relayId: string): void {
    for (const room of this.rooms.values()) room.forgetRelay(relayId)
    this.catchUpAll()
  }

  /** Reads from storage whatever every loaded doc may have missed on the bus. */
  catchUpAll(): void {
    for (const room of this.rooms.values()) {
      room.resync().catch((error: unknown) => {
        this.deps.log.error({ room: room.key, err: error }, 'could not read missed updates')
      })
      if (room.ref.kind !== 'board') continue
      if (!this.rooms.has(keyOf(room.ref.boardId, 'control'))) this.refreshControl(room.ref.boardId)
      this.deps.storage.loadBallots(room.ref.boardId).then(
        (ballots) => room.votes?.reloaded(ballots),
        (error: unknown) => this.deps.log.error({ room: room.key, err: error }, 'could not read the ballots again'),
      )
    }
  }

  private refreshControl(boardId: string): void {
    this.loadControl(boardId).then(
      () => this.rooms.get(keyOf(boardId, 'board'))?.votes?.controlChanged(),
      (error: unknown) => this.deps.log.error({ room: boardId, err: error }, 'could not read the control doc'),
    )
  }

  /** The docs a loaded room follows: its own, and for a board, its control doc. */
  private followsOf(ref: DocRef): string[] {
    if (!this.deps.cluster) return []
    const own = keyOf(ref.boardId, ref.kind)
    return ref.kind === 'board' ? [own, keyOf(ref.boardId, 'control')] : [own]
  }

  private async follow(key: string): Promise<void> {
    const count = this.following.get(key) ?? 0
    this.following.set(key, count + 1)
    if (count === 0) await this.deps.cluster?.follow(key)
  }

  private unfollow(key: string): void {
    const count = (this.following.get(key) ?? 1) - 1
    if (count > 0) {
      this.following.set(key, count)
      return
    }
    this.following.delete(key)
    this.deps.cluster?.unfollow(key)
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

  /** The board's control state: from its control room when loaded, else as read when the board loaded. */
  private controlOf(boardId: string): ControlState {
    const control = this.rooms.get(keyOf(boardId, 'control'))
    if (control) return readControl(control.doc)
    return this.controls.get(boardId) ?? NO_CONTROL
  }

  /** Reads the control state from storage for a board loading without its control room. */
  private async loadControl(boardId: string): Promise<void> {
    if (this.rooms.has(keyOf(boardId, 'control'))) return
    const stored = await this.deps.storage.loadDoc({ boardId, kind: 'control' })
    const doc = new Y.Doc()
    for (const update of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]) Y.applyUpdate(doc, update)
    this.controls.set(boardId, readControl(doc))
    doc.destroy()
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
        () => void this.unload(room, { compact: true }),
        this.deps.limits.roomIdleGraceMs * (1 + Math.random() * 0.1),
      ),
    )
  }

  private async unload(room: Room, { compact }: { compact: boolean }): Promise<void> {
    this.cancelUnload(room)
    if (this.rooms.get(room.key) !== room) return
    this.rooms.delete(room.key)
    this.deps.metrics.rooms.set(this.rooms.size)
    // The control room was the control state's source while loaded; remember its last word for the board.
    if (room.ref.kind === 'control' && this.rooms.has(keyOf(room.ref.boardId, 'board'))) {
      this.controls.set(room.ref.boardId, readControl(room.doc))
    }
    if (room.ref.kind === 'board') this.controls.delete(room.ref.boardId)
    if (compact) {
      try {
        await room.compact()
      } catch (error) {
        this.deps.log.error({ room: room.key, err: error }, 'compaction on unload failed; the update log is kept')
      }
    }
    room.destroy()
    for (const key of this.followsOf(room.ref)) this.unfollow(key)
    this.deps.log.info({ room: room.key }, 'room unloaded')
  }
}

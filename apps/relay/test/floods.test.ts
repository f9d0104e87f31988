/**
 * Floods (apps/relay/SPEC.md, "Floods"): what a board may hold by count, for every link, a
 * facilitator's too; deletions on a full board; each connection's budgets for board messages and
 * presence; presence entries' size and what a viewer's presence carries; and a flood of all of these
 * against a relay process, whose memory stays bounded while an honest board elsewhere keeps its pace.
 */
import { addNote, createCluster, deleteNotes, listNotes, setNoteText } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode, type Relay, type RelayLimits } from '../src/index.js'
import { flood, junkUpdate } from './flood.js'
import {
  awarenessFrame,
  type Client,
  closeCode,
  connectClient,
  createBoard,
  holdsFor,
  linksOf,
  metricValue,
  openRawSocket,
  sleep,
  startRelay,
  synced,
  tempDataDir,
  updateFrame,
  waitFor,
} from './helpers.js'
import { spawnRelay } from './relay-process.js'

type Role = 'facilitator' | 'participant' | 'viewer'

describe('floods', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function start(limits: Partial<RelayLimits> = {}, dataDir = tempDataDir()): Promise<Relay> {
    const relay = await startRelay({ limits, dataDir })
    cleanup.push(() => relay.close())
    return relay
  }
  function client(relay: Relay, boardId: string, role: Role = 'participant'): Client {
    const c = connectClient(relay, boardId, new Y.Doc(), { token: linksOf(boardId)[role] })
    cleanup.push(() => c.destroy())
    return c
  }
  async function raw(relay: Relay, boardId: string, role: Role): Promise<WebSocket> {
    const ws = await openRawSocket(relay, boardId, undefined, linksOf(boardId)[role])
    cleanup.push(() => ws.terminate())
    return ws
  }
  /** What one change on a copy of `from`'s doc sends: a stock client's update, sent by hand. */
  function changeOn(from: Client, change: (doc: Y.Doc) => void): Uint8Array {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(from.doc))
    const before = Y.encodeStateVector(copy)
    change(copy)
    return Y.encodeStateAsUpdate(copy, before)
  }
  const note = (doc: Y.Doc, text = 'idea') => addNote(doc, { x: 0, y: 0, text })

  it('[RO1] an update past the board’s counts is refused with 4413 and not stored, from a facilitator too', async () => {
    const relay = await start({ maxNotesPerBoard: 3, maxGroupsPerBoard: 1 })
    const boardId = await createBoard(relay)
    const facilitator = client(relay, boardId, 'facilitator')
    const observer = client(relay, boardId)
    await Promise.all([synced(facilitator), synced(observer)])
    for (let i = 0; i < 3; i++) note(facilitator.doc)
    createCluster(facilitator.doc, { name: 'G', x: 0, y: 0 })
    await waitFor(() => listNotes(observer.doc).length === 3, 5000, 'three notes')

    for (const [role, change] of [
      ['facilitator', (doc: Y.Doc) => note(doc)],
      ['participant', (doc: Y.Doc) => note(doc)],
      ['facilitator', (doc: Y.Doc) => createCluster(doc, { name: 'H', x: 0, y: 0 })],
    ] as const) {
      const ws = await raw(relay, boardId, role)
      ws.send(updateFrame(changeOn(observer, change)))
      expect(await closeCode(ws)).toBe(CloseCode.BoardTooLarge)
    }
    // Small nested maps from a facilitator: more items in one update than any change of a board.
    const junk = junkUpdate(1)
    const ws = await raw(relay, boardId, 'facilitator')
    ws.send(updateFrame(junk))
    // A fresh connection's budget holds a quarter of its bytes, half this frame: it waits for the rest (~4 s) before it is judged.
    expect(await closeCode(ws, 15_000)).toBe(CloseCode.BoardTooLarge)
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'board-count-limit' })).toBe(4)

    const late = client(relay, boardId)
    await synced(late)
    expect(listNotes(late.doc)).toHaveLength(3)
    expect(late.doc.getMap('clusters').size).toBe(1)
    expect(late.doc.share.has('junk') && late.doc.getMap('junk').size > 0).toBe(false)
    // Editing what is there goes on.
    const [first] = listNotes(facilitator.doc)
    setNoteText(facilitator.doc, first?.id as string, 'still editing')
    await waitFor(() => listNotes(observer.doc).some((n) => n.text === 'still editing'), 5000, 'an edit')
  })

  it('[RO2] a full board still takes deletions, from the facilitator and participants, and stores them', async () => {
    const dataDir = tempDataDir()
    const limits = { maxBoardBytes: 48 * 1024 }
    let relay = await start(limits, dataDir)
    const boardId = await createBoard(relay)
    const filler = await raw(relay, boardId, 'facilitator')
    const source = client(relay, boardId)
    await synced(source)
    // Notes of 2,000 characters until the board is full: the update that would pass the limit is refused.
    let filled = 0
    const closed = closeCode(filler, 30_000)
    let code: number | null = null
    void closed.then((c) => {
      code = c
    })
    while (code === null && filled < 100) {
      filler.send(updateFrame(changeOn(source, (doc) => note(doc, `${filled}`.padEnd(2000, 'x')))))
      filled++
      await waitFor(() => code !== null || listNotes(source.doc).length === filled, 5000, `note ${filled}`)
    }
    expect(await closed).toBe(CloseCode.BoardTooLarge)
    const kept = listNotes(source.doc).length
    expect(kept).toBe(filled - 1)
    const full = await raw(relay, boardId, 'facilitator')
    full.send(updateFrame(changeOn(source, (doc) => note(doc, 'y'.repeat(2000)))))
    expect(await closeCode(full)).toBe(CloseCode.BoardTooLarge)

    // The facilitator deletes half the notes and a participant a few more: nobody is closed.
    const facilitator = client(relay, boardId, 'facilitator')
    const participant = client(relay, boardId)
    await Promise.all([synced(facilitator), synced(participant)])
    const ids = listNotes(facilitator.doc).map((n) => n.id)
    deleteNotes(facilitator.doc, ids.slice(0, Math.floor(kept / 2)))
    deleteNotes(participant.doc, ids.slice(Math.floor(kept / 2), Math.floor(kept / 2) + 2))
    const left = kept - Math.floor(kept / 2) - 2
    await waitFor(() => listNotes(source.doc).length === left, 5000, 'the deletions')
    await holdsFor(
      () => facilitator.provider.wsconnected && participant.provider.wsconnected,
      300,
      'deleters connected',
    )
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'board-too-large' })).toBe(2)

    // Stored: a relay started again on the same data serves the board without them.
    await relay.close()
    cleanup.splice(0)
    relay = await start(limits, dataDir)
    const reader = client(relay, boardId)
    await synced(reader)
    expect(listNotes(reader.doc)).toHaveLength(left)
  })

  it('[RO3] a connection over its budgets is throttled, its frames kept in order; typing never is', async () => {
    const relay = await start({ updatesPerSecond: 20, updateBurst: 20, presencePerSecond: 10, presenceBurst: 8 })
    const boardId = await createBoard(relay)
    const writer = client(relay, boardId)
    const observer = client(relay, boardId)
    await Promise.all([synced(writer), synced(observer)])
    const id = note(writer.doc)
    // Typing, five keystrokes a second for two seconds: never throttled.
    for (let i = 1; i <= 10; i++) {
      setNoteText(writer.doc, id, `typing ${i}`)
      await sleep(200)
    }
    await waitFor(() => listNotes(observer.doc)[0]?.text === 'typing 10', 5000, 'typing')
    expect(await metricValue(relay, 'samla_throttled_total')).toBe(0)

    // 61 updates at once from a fresh connection, which starts with its burst of messages (20): the
    // rest wait, in order, while the budget refills at 20 a second (2 s), and the socket is not read.
    const ws = await raw(relay, boardId, 'participant')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(observer.doc))
    const updates: Uint8Array[] = []
    copy.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 1; i <= 61; i++) setNoteText(copy, id, `flood ${i}`)
    const started = performance.now()
    for (const update of updates) ws.send(updateFrame(update))
    await waitFor(() => listNotes(observer.doc)[0]?.text === 'flood 61', 10_000, 'every update')
    expect(performance.now() - started).toBeGreaterThan(1500)
    expect(await metricValue(relay, 'samla_throttled_total', { budget: 'updates' })).toBeGreaterThan(0)

    // Presence likewise: 26 changes of one entry at once, 18 past the fresh connection's 8, take 1.8 s.
    const presence = await raw(relay, boardId, 'participant')
    const entry = (clock: number) => awarenessFrame([{ clientId: 777, clock, state: { user: { name: `P${clock}` } } }])
    const seen = () => observer.provider.awareness.getStates().get(777) as { user?: { name?: string } } | undefined
    const presenceStarted = performance.now()
    for (let clock = 1; clock <= 26; clock++) presence.send(entry(clock))
    await waitFor(() => seen()?.user?.name === 'P26', 10_000, 'every change')
    expect(performance.now() - presenceStarted).toBeGreaterThan(1200)
    expect(await metricValue(relay, 'samla_throttled_total', { budget: 'presence' })).toBeGreaterThan(0)
  })

  it('[RO4] a presence entry over maxPresenceEntryBytes is never forwarded, to the board or to joiners', async () => {
    const relay = await start({ maxPresenceEntryBytes: 4096 })
    const boardId = await createBoard(relay)
    const observer = client(relay, boardId)
    await synced(observer)
    const ws = await raw(relay, boardId, 'participant')
    const states = (c: Client) => c.provider.awareness.getStates() as Map<number, { user?: { name?: string } }>
    ws.send(awarenessFrame([{ clientId: 888, clock: 1, state: { user: { name: 'x'.repeat(5000) } } }]))
    await waitFor(
      async () => (await metricValue(relay, 'samla_rejected_total', { reason: 'awareness-too-big' })) === 1,
      5000,
      'the refusal',
    )
    // The same socket's entry of a normal size goes through: it was refused an entry, not closed.
    ws.send(awarenessFrame([{ clientId: 888, clock: 2, state: { user: { name: 'Normal' } } }]))
    await waitFor(() => states(observer).get(888)?.user?.name === 'Normal', 5000, 'a normal entry')
    const joiner = client(relay, boardId)
    await synced(joiner)
    await waitFor(() => states(joiner).get(888)?.user?.name === 'Normal', 5000, 'the joiner’s view')
    for (const c of [observer, joiner]) {
      expect([...states(c).values()].every((state) => (state.user?.name?.length ?? 0) < 4096)).toBe(true)
    }
  })

  it('[RO5] a viewer’s presence carries its name only, to the board and to joiners', async () => {
    const relay = await start()
    const boardId = await createBoard(relay)
    const observer = client(relay, boardId)
    await synced(observer)
    const viewer = await raw(relay, boardId, 'viewer')
    const user = { id: 'viewer-id-0001', name: 'Projector', organisation: '', colour: 'blue' }
    viewer.send(
      awarenessFrame([
        {
          clientId: 999,
          clock: 1,
          state: {
            user,
            cursor: { x: 10, y: 20 },
            selection: ['note-0000000001'],
            editing: 'note-0000000001',
            viewport: { x: 0, y: 0, zoom: 4 },
            summon: { x: 0, y: 0, zoom: 4, count: 1, at: Date.now() },
          },
        },
      ]),
    )
    await waitFor(() => observer.provider.awareness.getStates().has(999), 5000, 'the viewer’s presence')
    expect(observer.provider.awareness.getStates().get(999)).toEqual({ user })
    const joiner = client(relay, boardId)
    await synced(joiner)
    await waitFor(() => joiner.provider.awareness.getStates().has(999), 5000, 'the joiner’s view')
    expect(joiner.provider.awareness.getStates().get(999)).toEqual({ user })
    // A participant's presence keeps its cursor.
    const participant = await raw(relay, boardId, 'participant')
    participant.send(awarenessFrame([{ clientId: 1001, clock: 1, state: { user, cursor: { x: 1, y: 2 } } }]))
    await waitFor(() => observer.provider.awareness.getStates().has(1001), 5000, 'the participant’s presence')
    expect(observer.provider.awareness.getStates().get(1001)).toEqual({ user, cursor: { x: 1, y: 2 } })
  })

  it('[RO6] under a flood of junk updates and presence, the relay’s memory stays bounded and another board keeps its pace', async () => {
    const relay = await spawnRelay(tempDataDir())
    cleanup.push(() => {
      relay.child.kill('SIGKILL')
      return relay.exited
    })
    // Its log (a line per refusal) is drained, not kept: a pipe nobody reads would stall the relay.
    for (const stream of [relay.child.stdout, relay.child.stderr]) stream?.removeAllListeners('data').resume()
    const result = await flood(
      { url: relay.url, pid: relay.child.pid as number },
      { seconds: 15, facilitators: 4, participants: 2, viewers: 2 },
    )
    console.info('flood', result)
    expect(result.hostileFrames).toBeGreaterThan(20)
    expect(result.rssPeakMb).toBeLessThan(RSS_BOUND_MB)
    expect(result.delivered).toBe(result.keystrokes)
    expect(result.p99Ms).toBeLessThan(500)
  }, 120_000)
})

/** The relay's resident memory under the flood; before the count limits and budgets it passed 1 GB. */
const RSS_BOUND_MB = 600

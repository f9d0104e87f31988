/**
 * Room lifecycle: a room loads on first join, stays warm for roomIdleGraceMs after the last
 * connection leaves, then compacts and unloads; what it held is served again from storage.
 */
import { addNote, listNotes, setNoteText } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteStorage, type Relay, type RelayLimits, type Storage } from '../src/index.js'
import {
  authorOn,
  type Client,
  connectClient,
  createBoard,
  holdsFor,
  metricValue,
  startRelay,
  synced,
  tempDataDir,
  waitFor,
} from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Test')
const GRACE_MS = 150

describe('room lifecycle', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function start(limits: Partial<RelayLimits>, dataDir = tempDataDir()): Promise<Relay> {
    const relay = await startRelay({ dataDir, limits })
    cleanup.push(() => relay.close())
    return relay
  }
  function client(relay: Relay, boardId: string): Client {
    const c = connectClient(relay, boardId)
    cleanup.push(() => c.destroy())
    return c
  }
  /** Resolves once the relay has handled every socket's close (and so every room.leave). */
  const allLeft = (relay: Relay) =>
    waitFor(async () => (await metricValue(relay, 'samla_connections')) === 0, 5000, 'connections closed')

  it('[RL1] a room loads on first join and unloads once the idle grace has passed', async () => {
    const relay = await start({ roomIdleGraceMs: GRACE_MS })
    const boardId = await createBoard(relay)
    expect(relay.roomCount).toBe(0)
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    expect(relay.roomCount).toBe(1) // the board doc; its control doc loads only when someone opens it
    expect(await metricValue(relay, 'samla_rooms')).toBe(1)

    a.destroy()
    b.destroy()
    await allLeft(relay)
    const leftAt = Date.now()
    expect(relay.roomCount).toBe(1)
    await waitFor(() => relay.roomCount === 0, 5000, 'room unload')
    // The timer starts when the last socket leaves, a few ms before allLeft noticed.
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(GRACE_MS - 50)
    expect(await metricValue(relay, 'samla_rooms')).toBe(0)
  })

  it('[RL2] a join within the grace keeps the same room, state intact', async () => {
    const grace = 300
    const relay = await start({ roomIdleGraceMs: grace })
    const boardId = await createBoard(relay)
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    addNote(a.doc, { x: 1, y: 2, text: 'kept warm', ...author(boardId) })
    await waitFor(() => listNotes(b.doc).length === 1, 5000, 'note in B')
    a.destroy()
    b.destroy()
    await allLeft(relay)

    const c = client(relay, boardId)
    await synced(c)
    expect(listNotes(c.doc).map((n) => n.text)).toEqual(['kept warm'])
    // Unloading compacts a non-empty update log, so no compaction means no unload happened.
    await holdsFor(() => relay.roomCount === 1, grace * 2, 'room loaded')
    expect(await metricValue(relay, 'samla_compactions_total')).toBe(0)

    addNote(c.doc, { x: 3, y: 4, text: 'second', ...author(boardId) })
    c.destroy()
    await allLeft(relay)
    await waitFor(() => relay.roomCount === 0, 5000, 'room unload')
    // The unloaded room's compaction finishes after it has left the table.
    await waitFor(async () => (await metricValue(relay, 'samla_compactions_total')) === 1, 5000, 'compaction')
    const d = client(relay, boardId)
    await synced(d)
    await waitFor(() => listNotes(d.doc).length === 2, 5000, 'both notes after reload')
  })

  it('[RL3] 50 boards unload once their clients are gone and are served again from storage', async () => {
    // Each y-websocket provider adds a process 'exit' listener; 100 of them are expected here.
    const maxListeners = process.getMaxListeners()
    process.setMaxListeners(maxListeners + 100)
    cleanup.push(() => process.setMaxListeners(maxListeners))
    const relay = await start({ roomIdleGraceMs: GRACE_MS })
    const boards = await Promise.all(Array.from({ length: 50 }, (_, i) => createBoard(relay, `Board ${i}`)))
    const writers = boards.map((id) => client(relay, id))
    await Promise.all(writers.map((w) => synced(w)))
    expect(relay.roomCount).toBe(50)
    writers.forEach((w, i) => {
      addNote(w.doc, { x: i, y: i, text: `note on board ${i}`, ...author(boards[i] ?? '') })
    })
    for (const w of writers) w.destroy()
    await allLeft(relay)
    await waitFor(() => relay.roomCount === 0, 5000, 'all rooms unloaded')
    expect(await metricValue(relay, 'samla_compactions_total')).toBe(50)

    const readers = boards.map((id) => client(relay, id))
    await Promise.all(readers.map((r) => synced(r)))
    expect(relay.roomCount).toBe(50)
    readers.forEach((r, i) => {
      expect(listNotes(r.doc).map((n) => n.text)).toEqual([`note on board ${i}`])
    })
  })

  it('[RL4] the update log is compacted as it grows and a restarted relay serves everything', async () => {
    const dataDir = tempDataDir()
    const compactAfterUpdates = 20
    const first = await startRelay({ dataDir, limits: { compactAfterUpdates } })
    const boardId = await createBoard(first, 'Compacted')
    const a = client(first, boardId)
    const b = client(first, boardId)
    await Promise.all([synced(a), synced(b)])
    // One update at a time (B sees each before the next), so each is its own stored update.
    const ids: string[] = []
    for (let i = 0; i < 70; i++) {
      ids.push(addNote(a.doc, { x: i, y: 0, text: `note ${i}`, ...author(boardId) }))
      await waitFor(() => b.doc.getMap('notes').size === i + 1, 5000, `note ${i} in B`)
    }
    for (const [i, id] of ids.slice(0, 30).entries()) {
      setNoteText(a.doc, id, `edited ${i}`)
      await waitFor(() => listNotes(b.doc).some((n) => n.text === `edited ${i}`), 5000, `edit ${i} in B`)
    }
    const expected = listNotes(a.doc)
    await waitFor(async () => (await metricValue(first, 'samla_compactions_total')) >= 4, 5000, 'compactions')

    // What storage holds now (snapshot plus a short log) is the whole board.
    const storage = openSqliteStorage(dataDir)
    const stored = await storage.loadDoc({ boardId, kind: 'board' })
    await storage.close()
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates.length).toBeLessThanOrEqual(compactAfterUpdates)
    const rebuilt = new Y.Doc()
    for (const update of [stored.snapshot as Uint8Array, ...stored.updates]) Y.applyUpdate(rebuilt, update)
    expect(listNotes(rebuilt)).toEqual(expected)

    a.destroy()
    b.destroy()
    await first.close()
    const second = await start({ compactAfterUpdates }, dataDir)
    const c = client(second, boardId)
    await synced(c)
    expect(listNotes(c.doc)).toEqual(expected)
  })

  it('[RL5] joins racing to a board not loaded yet wait for one load, however slow storage is', async () => {
    const sqlite = openSqliteStorage(tempDataDir())
    let loads = 0
    // Every read of a doc takes 100 ms, as a database across the network might.
    const slow: Storage = Object.create(sqlite)
    slow.loadDoc = async (doc) => {
      if (doc.kind === 'board') loads++
      await new Promise((resolve) => setTimeout(resolve, 100))
      return sqlite.loadDoc(doc)
    }
    const relay = await startRelay({ storage: slow, limits: { roomIdleGraceMs: GRACE_MS } })
    cleanup.push(
      () => sqlite.close(),
      () => relay.close(),
    )
    const boardId = await createBoard(relay)
    const writer = client(relay, boardId)
    await synced(writer)
    addNote(writer.doc, { x: 0, y: 0, text: 'laddad en gång', ...author(boardId) })
    await waitFor(async () => (await sqlite.loadDoc({ boardId, kind: 'board' })).updates.length > 0, 5000, 'stored')
    writer.destroy()
    await waitFor(() => relay.roomCount === 0, 5000, 'room unload')
    loads = 0

    const joiners = Array.from({ length: 30 }, () => client(relay, boardId))
    await Promise.all(joiners.map((joiner) => synced(joiner, 10_000)))
    expect(loads).toBe(1)
    for (const joiner of joiners) expect(listNotes(joiner.doc).map((note) => note.text)).toEqual(['laddad en gång'])
  })
})

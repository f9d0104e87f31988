/** Board history: scheduled and requested snapshots, preview, live restore and its undo, retention, erasure. */
import { addNote, deleteNotes, listNotes, setNoteText } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteStorage, type Relay } from '../src/index.js'
import {
  authorOn,
  connectClient,
  createBoard,
  linksOf,
  sleep,
  startRelay,
  synced,
  tempDataDir,
  waitFor,
} from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Test')

interface Entry {
  id: number
  reason: string
  createdAt: number
}

describe('board history', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function setup(limits = {}, dataDir = tempDataDir()) {
    const relay = await startRelay({ dataDir, limits })
    cleanup.push(() => relay.close())
    const boardId = await createBoard(relay, 'History')
    const { facilitator, participant } = linksOf(boardId)
    const call = (path: string, method = 'GET', token = facilitator, body?: unknown) =>
      fetch(`${relay.url}/api/boards/${boardId}/history${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const list = async () => ((await (await call('')).json()) as { snapshots: Entry[] }).snapshots
    return { relay, boardId, participant, call, list, dataDir }
  }
  function client(relay: Relay, boardId: string) {
    const c = connectClient(relay, boardId)
    cleanup.push(() => c.destroy())
    return c
  }

  it('[RH1] a changing board gets scheduled snapshots, at most one per interval', async () => {
    const { relay, boardId, list } = await setup({ historyIntervalMs: 200 })
    const a = client(relay, boardId)
    await synced(a)
    addNote(a.doc, { x: 0, y: 0, text: 'first', ...author(boardId) })
    await waitFor(async () => (await list()).length === 1, 5000, 'first snapshot')
    for (let i = 0; i < 5; i++) addNote(a.doc, { x: i, y: 0, text: `quick ${i}`, ...author(boardId) })
    await sleep(50)
    expect(await list()).toHaveLength(1)
    await sleep(250)
    addNote(a.doc, { x: 0, y: 0, text: 'after the interval', ...author(boardId) })
    await waitFor(async () => (await list()).length === 2, 5000, 'second snapshot')
    expect((await list()).every((entry) => entry.reason === 'scheduled')).toBe(true)
  })

  it('[RH2] a facilitator takes a snapshot before a risky step and previews it read-only', async () => {
    const { relay, boardId, participant, call, list } = await setup()
    const a = client(relay, boardId)
    await synced(a)
    addNote(a.doc, { x: 0, y: 0, text: 'before import', ...author(boardId) })
    await sleep(50)
    expect((await call('', 'POST', participant, { reason: 'before-import' })).status).toBe(403)
    expect((await call('', 'POST', undefined, { reason: 'scheduled' })).status).toBe(400)
    const taken = await call('', 'POST', undefined, { reason: 'before-import' })
    expect(taken.status).toBe(201)
    const { id } = (await taken.json()) as { id: number }
    expect((await list()).find((entry) => entry.id === id)?.reason).toBe('before-import')
    const preview = new Y.Doc()
    Y.applyUpdate(preview, new Uint8Array(await (await call(`/${id}`)).arrayBuffer()))
    expect(listNotes(preview).map((n) => n.text)).toEqual(['before import'])
    expect((await call('/999999')).status).toBe(404)
  })

  it('[RH3] a restore reaches two live clients at once, and restoring the backup undoes it', async () => {
    const { relay, boardId, call } = await setup()
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    const kept = addNote(a.doc, { x: 0, y: 0, text: 'good idea', ...author(boardId) })
    await waitFor(() => listNotes(b.doc).length === 1)
    const { id } = (await (await call('', 'POST', undefined, { reason: 'manual' })).json()) as { id: number }
    setNoteText(b.doc, kept, 'vandalised')
    deleteNotes(a.doc, [kept])
    addNote(b.doc, { x: 5, y: 5, text: 'later note', ...author(boardId) })
    await waitFor(
      () =>
        listNotes(a.doc)
          .map((n) => n.text)
          .join() === 'later note',
      5000,
      'edits synced',
    )

    const restored = await call(`/${id}/restore`, 'POST')
    expect(restored.status).toBe(200)
    const { backup } = (await restored.json()) as { backup: number }
    for (const c of [a, b]) {
      await waitFor(
        () =>
          listNotes(c.doc)
            .map((n) => n.text)
            .join() === 'good idea',
        5000,
        'restore seen live',
      )
    }
    expect(listNotes(a.doc)[0]?.id).toBe(kept)

    expect((await call(`/${backup}/restore`, 'POST')).status).toBe(200)
    for (const c of [a, b]) {
      await waitFor(
        () =>
          listNotes(c.doc)
            .map((n) => n.text)
            .join() === 'later note',
        5000,
        'undo seen live',
      )
    }
  })

  it('[RH4] snapshots past the retention are dropped; deleting the board deletes its history', async () => {
    const { relay, boardId, call, list, dataDir } = await setup({ historyRetentionMs: 150 })
    await call('', 'POST', undefined, { reason: 'manual' })
    await sleep(200)
    await call('', 'POST', undefined, { reason: 'manual' })
    expect(await list()).toHaveLength(1)
    const { facilitator } = linksOf(boardId)
    await fetch(`${relay.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${facilitator}` },
    })
    await relay.close()
    const storage = openSqliteStorage(dataDir)
    expect(await storage.listHistory(boardId)).toEqual([])
    await storage.close()
  })
})

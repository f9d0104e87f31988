import { addNote, listNotes, moveNotes, readMeta, setNoteText } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { Relay } from '../src/index.js'
import {
  authorOn,
  type Client,
  connectClient,
  createBoard,
  startRelay,
  synced,
  tempDataDir,
  waitFor,
} from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Test')

describe('relay sync', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function relayWithBoard(dataDir = tempDataDir()) {
    const relay = await startRelay({ dataDir })
    cleanup.push(() => relay.close())
    return { relay, boardId: await createBoard(relay, 'Workshop') }
  }
  function client(relay: Relay, boardId: string): Client {
    const c = connectClient(relay, boardId)
    cleanup.push(() => c.destroy())
    return c
  }

  it('[RC1] two clients converge on notes, text and moves', async () => {
    const { relay, boardId } = await relayWithBoard()
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    expect(readMeta(a.doc).title).toBe('Workshop')

    const id = addNote(a.doc, { x: 10, y: 20, text: 'Idé', ...author(boardId) })
    await waitFor(() => listNotes(b.doc).length === 1, 5000, 'note in B')
    setNoteText(b.doc, id, 'Idé från B')
    moveNotes(a.doc, [id], 100, 50)
    await waitFor(
      () =>
        JSON.stringify(listNotes(a.doc)) === JSON.stringify(listNotes(b.doc)) &&
        listNotes(a.doc)[0]?.text === 'Idé från B',
      5000,
      'convergence',
    )
    expect(listNotes(b.doc)[0]).toMatchObject({ id, x: 110, y: 70, text: 'Idé från B' })
  })

  it('[RC2] a late joiner receives the whole board', async () => {
    const { relay, boardId } = await relayWithBoard()
    const a = client(relay, boardId)
    await synced(a)
    for (let i = 0; i < 50; i++) addNote(a.doc, { x: i * 10, y: 0, text: `note ${i}`, ...author(boardId) })
    await waitFor(() => a.provider.wsconnected && a.doc.getMap('notes').size === 50)
    const late = client(relay, boardId)
    await synced(late)
    await waitFor(() => listNotes(late.doc).length === 50, 5000, 'late joiner state')
    expect(listNotes(late.doc)).toEqual(listNotes(a.doc))
  })

  it('[RC3] a relay restarted on the same data directory serves every note', async () => {
    const dataDir = tempDataDir()
    const first = await startRelay({ dataDir })
    const boardId = await createBoard(first, 'Durable')
    const a = connectClient(first, boardId)
    await synced(a)
    const ids = Array.from({ length: 20 }, (_, i) =>
      addNote(a.doc, { x: i, y: i, text: `durable ${i}`, ...author(boardId) }),
    )
    setNoteText(a.doc, ids[3] as string, 'edited åäö 🎉')
    // Confirm the relay has everything: a second client sees it all.
    const probe = connectClient(first, boardId)
    await synced(probe)
    await waitFor(() => listNotes(probe.doc).length === 20)
    const before = listNotes(a.doc)
    probe.destroy()
    a.destroy()
    await first.close()

    const second = await startRelay({ dataDir })
    cleanup.push(() => second.close())
    const b = client(second, boardId)
    await synced(b)
    await waitFor(() => listNotes(b.doc).length === 20, 5000, 'restored notes')
    expect(listNotes(b.doc)).toEqual(before)
    expect(readMeta(b.doc).title).toBe('Durable')
  })

  it('[RC4] edits made while the relay is down arrive after it comes back', async () => {
    const dataDir = tempDataDir()
    const first = await startRelay({ dataDir })
    const boardId = await createBoard(first)
    const a = client(first, boardId)
    await synced(a)
    const id = addNote(a.doc, { x: 0, y: 0, text: 'before', ...author(boardId) })
    await waitFor(() => a.doc.getMap('notes').size === 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await first.close()
    await waitFor(() => !a.provider.wsconnected, 5000, 'disconnect')
    setNoteText(a.doc, id, 'typed while offline')

    const second = await startRelay({ dataDir, port: first.port })
    cleanup.push(() => second.close())
    await waitFor(() => a.provider.synced && a.provider.wsconnected, 10_000, 'reconnect')
    const b = client(second, boardId)
    await waitFor(() => listNotes(b.doc)[0]?.text === 'typed while offline', 5000, 'offline edit on relay')
  })
})

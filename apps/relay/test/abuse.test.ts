import { addNote, listNotes } from '@samla/board'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, type Relay } from '../src/index.js'
import {
  authorOn,
  closeCode,
  connectClient,
  createBoard,
  openRawSocket,
  startRelay,
  synced,
  tokenFor,
  waitFor,
} from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Test')

function syncUpdateFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // sync
  encoding.writeVarUint(encoder, 2) // update
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

function truncatedRealUpdate(): Uint8Array {
  const doc = new Y.Doc()
  addNote(doc, { x: 0, y: 0, text: 'a real note that gets cut in half' })
  const update = Y.encodeStateAsUpdate(doc)
  return update.slice(0, Math.floor(update.length / 2))
}

const badFrames: Record<string, Uint8Array | string> = {
  'empty frame': new Uint8Array(0),
  'unknown message type': new Uint8Array([9, 1, 2, 3]),
  'truncated varint': new Uint8Array([0xff, 0xff, 0xff]),
  'sync with unknown sub-type': new Uint8Array([0, 7, 0]),
  'truncated sync step 1': new Uint8Array([0, 0, 5, 1]),
  'garbage update': syncUpdateFrame(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 250, 251])),
  'truncated update': syncUpdateFrame(truncatedRealUpdate()),
  'update with an out-of-range varint': syncUpdateFrame(new Uint8Array(11).fill(0xff)),
  'truncated awareness': new Uint8Array([1, 10, 1, 2]),
  'text frame': 'hello',
}

describe('relay under bad input', () => {
  let relay: Relay
  afterEach(() => relay?.close())

  it.each(Object.entries(badFrames))('[RB1] %s closes only its own socket with 4400', async (_name, frame) => {
    relay = await startRelay()
    const boardId = await createBoard(relay)
    const otherBoard = await createBoard(relay)
    const good = connectClient(relay, boardId)
    const elsewhere = connectClient(relay, otherBoard)
    await Promise.all([synced(good), synced(elsewhere)])

    const bad = await openRawSocket(relay, boardId)
    const closed = closeCode(bad)
    bad.send(frame)
    expect(await closed).toBe(CloseCode.MalformedMessage)

    // Both the neighbour in the same room and the other room keep working.
    const watcher = connectClient(relay, boardId)
    await synced(watcher)
    addNote(good.doc, { x: 1, y: 1, text: 'still here', ...author(boardId) })
    addNote(elsewhere.doc, { x: 1, y: 1, text: 'other room', ...author(otherBoard) })
    await waitFor(() => listNotes(watcher.doc).length === 1, 5000, 'neighbour still synced')
    expect(good.provider.wsconnected).toBe(true)
    expect(elsewhere.provider.wsconnected).toBe(true)
    for (const c of [good, elsewhere, watcher]) c.destroy()
  })

  it('[RB2] an oversize frame closes the socket with 1009 and is never stored', async () => {
    relay = await startRelay({ limits: { maxFrameBytes: 64 * 1024 } })
    const boardId = await createBoard(relay)
    const bad = await openRawSocket(relay, boardId)
    const closed = closeCode(bad)
    bad.send(syncUpdateFrame(new Uint8Array(100 * 1024)))
    expect(await closed).toBe(CloseCode.MessageTooBig)
    const probe = connectClient(relay, boardId)
    await synced(probe)
    expect(listNotes(probe.doc)).toEqual([])
    probe.destroy()
  })

  it('[RB3] upgrades to bad paths, invalid ids and unknown boards are refused before accepting', async () => {
    relay = await startRelay()
    const ws = relay.url.replace(/^http/, 'ws')
    const status = (path: string) =>
      new Promise<number>((resolve) => {
        import('ws').then(({ WebSocket }) => {
          const socket = new WebSocket(`${ws}${path}`)
          socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
          socket.on('open', () => resolve(101))
          socket.on('error', () => undefined)
        })
      })
    expect(await status('/ws/../../etc/passwd')).toBe(404)
    expect(await status('/ws/%00abc')).toBe(400)
    expect(await status(`/ws/${'x'.repeat(10_000)}`)).toBe(400)
    expect(await status('/ws/AAAAAAAAAAAAAAAAAAAAAA')).toBe(404)
    const board = await createBoard(relay)
    expect(await status(`/ws/${board}?token=${tokenFor(board)}`)).toBe(101)
  })
})

describe('HTTP API', () => {
  let relay: Relay
  afterEach(() => relay?.close())

  it('[RP1] creates boards with 128-bit ids and reads them back', async () => {
    relay = await startRelay()
    const created = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ title: '  Framtidens bibliotek ' }),
    })
    expect(created.status).toBe(201)
    const board = (await created.json()) as { id: string; title: string }
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(board.title).toBe('Framtidens bibliotek')
    const links = (board as unknown as { links: Record<string, string> }).links
    const read = await fetch(`${relay.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${links.facilitator}` },
    })
    expect(await read.json()).toMatchObject({ id: board.id, title: 'Framtidens bibliotek', role: 'facilitator' })
    expect((await fetch(`${relay.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404)
    expect((await fetch(`${relay.url}/api/boards/not-an-id`)).status).toBe(400)
    const ids = new Set(await Promise.all(Array.from({ length: 20 }, () => createBoard(relay))))
    expect(ids.size).toBe(20)
  })

  it('[RP2] rejects bad bodies with a JSON error and creates nothing', async () => {
    relay = await startRelay({ limits: { maxImportBytes: 32 * 1024 } })
    const post = (body: string) => fetch(`${relay.url}/api/boards`, { method: 'POST', body })
    const invalid = await post('{not json')
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ error: 'invalid-json' })
    expect((await post(JSON.stringify({ title: 'x'.repeat(500) }))).status).toBe(400)
    expect((await post(JSON.stringify({ title: 42 }))).status).toBe(400)
    expect((await post(JSON.stringify({ title: 'x'.repeat(40_000) }))).status).toBe(413)
  })

  it('[RP4] tells its clock, for timers shown alike on every client', async () => {
    relay = await startRelay()
    const before = Date.now()
    const { now } = (await (await fetch(`${relay.url}/api/time`)).json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('[RP3] answers /healthz and explains a missing web build', async () => {
    relay = await startRelay()
    const health = await fetch(`${relay.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const page = await fetch(`${relay.url}/b/whatever`)
    expect(page.status).toBe(404)
    expect(await page.text()).toContain('pnpm build')
  })
})

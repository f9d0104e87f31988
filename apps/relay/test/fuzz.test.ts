/**
 * Hostile input: 10,000 random, truncated and oversized frames over many short-lived raw sockets
 * while real clients on the same and another board keep syncing; and hostile board names on upgrade.
 * The frame generator is seeded, so a failure can be replayed.
 */
import net from 'node:net'
import { addNote, listNotes } from '@samla/board'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { afterEach, describe, expect, it } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CloseCode, type Relay } from '../src/index.js'
import {
  authorOn,
  type Client,
  connectClient,
  createBoard,
  memoryAfterGc,
  metricValue,
  openRawSocket,
  sleep,
  startRelay,
  synced,
  tokenFor,
  updateFrame,
  waitFor,
} from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Fuzz')
const SEED = 0x5a41a
const FRAMES = 10_000
const WORKERS = 8
const MAX_FRAME_BYTES = 4096
/** Sync step 1 with an empty state vector: the relay answers every accepted socket with sync step 2. */
const BARRIER = new Uint8Array([0, 0, 1, 0])

/** Well-formed messages of every kind a client sends, to be cut short. */
function validMessages(): Uint8Array[] {
  const doc = new Y.Doc()
  addNote(doc, { x: 1, y: 2, text: 'a note to cut into pieces' })
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { name: 'Fuzz' } })
  const sync = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }
  const awarenessEncoder = encoding.createEncoder()
  encoding.writeVarUint(awarenessEncoder, 1)
  encoding.writeVarUint8Array(awarenessEncoder, encodeAwarenessUpdate(awareness, [doc.clientID]))
  return [
    sync((encoder) => syncProtocol.writeSyncStep1(encoder, doc)),
    sync((encoder) => syncProtocol.writeSyncStep2(encoder, doc)),
    updateFrame(Y.encodeStateAsUpdate(doc)),
    encoding.toUint8Array(awarenessEncoder),
  ]
}

function frameGenerator(seed: number): () => Uint8Array | string {
  const random = prng.create(seed)
  const int = (below: number) => Math.floor(prng.real53(random) * below)
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256))
  const valid = validMessages()
  const varintPrefixes = [[], [0], [0, 2], [1], [0, 0]]
  return () => {
    switch (int(6)) {
      case 0:
        return bytes(int(65))
      case 1: {
        const message = valid[int(valid.length)] as Uint8Array
        return message.slice(0, int(message.length))
      }
      case 2:
        return Uint8Array.of(4 + int(124), ...bytes(int(16))) // unknown message type
      case 3:
        return Uint8Array.of(
          ...(varintPrefixes[int(varintPrefixes.length)] as number[]),
          ...bytes(1 + int(12)).fill(0xff),
        )
      case 4:
        return String.fromCharCode(...bytes(int(40)))
      default:
        return bytes(MAX_FRAME_BYTES + 1 + int(64))
    }
  }
}

/** Sends a raw upgrade request for `path` (bytes exactly as given) and returns the response status. */
async function upgradeStatus(relay: Relay, path: string): Promise<number> {
  const socket = net.connect(relay.port, '127.0.0.1')
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  )
  let head = ''
  socket.on('data', (chunk) => {
    head += chunk.toString('latin1')
  })
  socket.on('error', () => undefined)
  await waitFor(() => head.includes('\r\n') || socket.destroyed, 5000, `response to ${path.slice(0, 40)}`)
  socket.destroy()
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
}

describe('relay under fuzzing', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  function client(relay: Relay, boardId: string): Client {
    const c = connectClient(relay, boardId)
    cleanup.push(() => c.destroy())
    return c
  }

  it('[RZ1] 10,000 hostile frames get a clean close or are ignored; other clients keep syncing', async () => {
    // A low per-address limit doubles as a leak detector: leaked slots would turn into 4429s.
    const relay = await startRelay({
      limits: { maxFrameBytes: MAX_FRAME_BYTES, maxConnectionsPerAddress: 64, upgradesPerAddressPerMinute: 100_000 },
    })
    cleanup.push(() => relay.close())
    const boardId = await createBoard(relay, 'Fuzzed')
    const otherId = await createBoard(relay, 'Bystander')
    const writer = client(relay, boardId)
    const reader = client(relay, boardId)
    const otherWriter = client(relay, otherId)
    const otherReader = client(relay, otherId)
    await Promise.all([writer, reader, otherWriter, otherReader].map((c) => synced(c)))
    const heapBefore = memoryAfterGc().heapUsed
    const rssBefore = process.memoryUsage().rss
    const started = Date.now()

    const nextFrame = frameGenerator(SEED)
    let sent = 0
    let ignored = 0
    const closes = new Map<number, number>()
    async function fuzzWorker(): Promise<void> {
      while (sent < FRAMES) {
        const ws = await openRawSocket(relay, boardId)
        let replies = 0
        let barriers = 0
        let code = 0
        let wake = () => {}
        ws.on('message', (data: Buffer) => {
          if (data[0] === 0 && data[1] === 1) replies++
          wake()
        })
        ws.on('close', (closedWith) => {
          code = closedWith
          wake()
        })
        // Event-driven rather than polled: 10,000 polling intervals would dominate the run time.
        const settled = () =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`frame ${sent}: no reply and no close in 5 s`)), 5000)
            wake = () => {
              if (code === 0 && replies < barriers) return
              clearTimeout(timer)
              resolve()
            }
            wake()
          })
        while (code === 0 && sent < FRAMES) {
          sent++
          barriers++
          ws.send(nextFrame())
          ws.send(BARRIER)
          await settled()
          if (code === 0) ignored++
        }
        if (code === 0) ws.close()
        else closes.set(code, (closes.get(code) ?? 0) + 1)
      }
    }

    let fuzzing = true
    let rounds = 0
    async function keepSyncing(): Promise<void> {
      while (fuzzing) {
        rounds++
        addNote(writer.doc, { x: rounds, y: 0, text: `same ${rounds}`, ...author(boardId) })
        addNote(otherWriter.doc, { x: rounds, y: 0, text: `other ${rounds}`, ...author(otherId) })
        const has = (c: Client, text: string) => listNotes(c.doc).some((n) => n.text === text)
        await waitFor(() => has(reader, `same ${rounds}`) && has(otherReader, `other ${rounds}`), 5000, 'sync')
        const late = connectClient(relay, boardId)
        await synced(late)
        expect(has(late, `same ${rounds}`)).toBe(true)
        late.destroy()
        await sleep(200)
      }
    }

    const fuzzed = Promise.all(Array.from({ length: WORKERS }, fuzzWorker)).finally(() => {
      fuzzing = false
    })
    await Promise.all([fuzzed, keepSyncing()])
    const elapsed = Date.now() - started

    expect(elapsed).toBeLessThan(60_000)
    expect(ignored + [...closes.values()].reduce((a, b) => a + b, 0)).toBe(FRAMES)
    expect([...closes.keys()].sort((a, b) => a - b)).toEqual([CloseCode.MessageTooBig, CloseCode.MalformedMessage])
    expect(ignored).toBeGreaterThan(0)
    expect(rounds).toBeGreaterThanOrEqual(3)
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200)
    await waitFor(async () => (await metricValue(relay, 'samla_connections')) === 4, 5000, 'only the clients left')
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'malformed' })).toBe(
      closes.get(CloseCode.MalformedMessage),
    )
    // The heap is what would hold leaked sockets or rooms; rss also keeps freed allocator pages.
    expect(memoryAfterGc().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024)
  }, 60_000)

  // Extends abuse.test.ts [RB3], whose `ws` client normalises `..` away before sending.
  it('[RZ2] hostile board names on upgrade are refused before a room is loaded', async () => {
    const relay = await startRelay()
    cleanup.push(() => relay.close())
    const id = await createBoard(relay)
    const refusals: Array<[string, number]> = [
      ['/ws/..', 404], // `..` resolves to `/`
      [`/ws/../ws/../../${id}`, 404],
      ['/ws/%2e%2e', 404],
      ['/ws/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 400],
      [`/ws/${id}/..`, 400], // resolves to /ws/, an empty id
      [`/ws/${id}%00`, 400],
      [`/ws/%00${id.slice(3)}`, 400],
      [`/ws/${id}\0`, 400], // a raw NUL byte, refused by the HTTP parser
      [`/ws/${'A'.repeat(10 * 1024)}`, 400], // board-id characters, far too many
      [`/ws/${'A'.repeat(20 * 1024)}`, 431], // longer than Node's header limit
    ]
    for (const [path, status] of refusals) {
      expect([path.slice(0, 60), await upgradeStatus(relay, path)]).toEqual([path.slice(0, 60), status])
    }
    expect(relay.roomCount).toBe(0)
    expect(await metricValue(relay, 'samla_connections')).toBe(0)
    // The same request for the real id is accepted, so the refusals above are about the names.
    expect(await upgradeStatus(relay, `/ws/${id}?token=${tokenFor(id)}`)).toBe(101)
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200)
  })
})

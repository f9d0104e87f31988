/** Test helpers: a real relay on port 0 in a temp data dir, real y-websocket clients, raw sockets and frames. */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { DEVICE_KEY_PARAM, participantId } from '@samla/protocol'
import * as encoding from 'lib0/encoding'
import { pino } from 'pino'
import { type ClientOptions, WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createRelay, type Relay, type RelayOptions } from '../src/index.js'

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samla-relay-test-'))
}

export function startRelay(options: RelayOptions = {}): Promise<Relay> {
  return createRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDataDir(),
    webRoot: path.join(os.tmpdir(), 'samla-no-web-build'),
    logger: pino({ level: 'silent' }),
    ...options,
    // Tests create boards by the dozen from one address; the rate limits have tests of their own.
    limits: { boardCreationsPerAddressPerMinute: 10_000, ...options.limits },
  })
}

export type Links = Record<'facilitator' | 'participant' | 'viewer', string>

/** Links of every board the tests created, so clients can connect by board id alone. */
const linksByBoard = new Map<string, Links>()

export function linksOf(boardId: string): Links {
  const links = linksByBoard.get(boardId)
  if (!links) throw new Error(`no links recorded for board ${boardId}`)
  return links
}

/** The token a test client uses by default: a participant's, as most people on a board are. */
export function tokenFor(boardId: string): string {
  return linksByBoard.get(boardId)?.participant ?? 'no-token'
}

export async function createBoard(relay: Pick<Relay, 'url'>, title = 'Test board'): Promise<string> {
  const res = await fetch(`${relay.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status}`)
  const { id, links } = (await res.json()) as { id: string; links: Links }
  linksByBoard.set(id, links)
  return id
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** A stock y-websocket WebsocketProvider, as a browser would run it, with `ws` standing in. */
/** The device key the tests' clients present, so the relay knows them as a participant (see authorOn). */
export const TEST_DEVICE_KEY = 'test-device-key-0123456789'

/** Author fields a test client may sign its notes with on a board: its own participant id there. */
export function authorOn(boardId: string, authorName = 'Test'): { authorId: string; authorName: string } {
  return { authorId: participantId(boardId, TEST_DEVICE_KEY), authorName }
}

export function connectClient(
  relay: Pick<Relay, 'url'>,
  boardId: string,
  doc = new Y.Doc(),
  {
    token = tokenFor(boardId),
    room = boardId,
    deviceKey = TEST_DEVICE_KEY,
    socket,
  }: { token?: string; room?: string; deviceKey?: string; socket?: ClientOptions } = {},
): Client {
  // Options of the socket itself (a TLS proxy's certificate authority) through a subclass, as the provider makes its own.
  const Socket = socket
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, socket)
        }
      }
    : WebSocket
  const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, room, doc, {
    params: { token, [DEVICE_KEY_PARAM]: deviceKey },
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function synced(client: Client, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return
  await waitFor(() => client.provider.synced, timeoutMs, 'provider sync')
}

/** Polls `condition` until it holds; bounded, so a broken relay fails the test instead of hanging it. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A raw `ws` socket on a board, for sending frames no well-behaved client would. */
export async function openRawSocket(
  relay: Pick<Relay, 'url'>,
  boardId: string,
  options?: ClientOptions,
  token = tokenFor(boardId),
): Promise<WebSocket> {
  const ws = new WebSocket(
    `${relay.url.replace(/^http/, 'ws')}/ws/${boardId}?token=${encodeURIComponent(token)}`,
    options,
  )
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return ws
}

export function closeCode(ws: WebSocket, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not closed')), timeoutMs)
    ws.once('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.once('error', reject)
  })
}

/** Whether something accepts connections on the loopback port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `condition` for `ms` and fails as soon as it stops holding. */
export async function holdsFor(condition: () => boolean, ms: number, what = 'condition'): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (!condition()) throw new Error(`${what} stopped holding`)
    await sleep(10)
  }
}

/** A relay metric's current value, summed over the label sets that match `labels`. */
export async function metricValue(relay: Relay, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = relay.metrics.registry.getSingleMetric(name)
  if (!metric) throw new Error(`no metric named ${name}`)
  const { values } = await metric.get()
  return values
    .filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted))
    .reduce((sum, value) => sum + value.value, 0)
}

/** A y-websocket sync "update" message carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // sync
  encoding.writeVarUint(encoder, 2) // update
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A y-websocket awareness message, hand-encoded so it can claim any client id; `null` removes the entry. */
export function awarenessFrame(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // awareness
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}

/**
 * Memory usage right after a full garbage collection. Vitest does not start node with --expose-gc,
 * so the flag is set at run time and `gc` taken from a fresh context (as Jest's leak detector does).
 */
export function memoryAfterGc(): NodeJS.MemoryUsage {
  v8.setFlagsFromString('--expose-gc')
  ;(vm.runInNewContext('gc') as () => void)()
  return process.memoryUsage()
}

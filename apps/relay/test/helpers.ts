/** Test helpers: a real relay on port 0 in a temp data dir, and real y-websocket clients. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { WebSocket } from 'ws'
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
  })
}

export async function createBoard(relay: Relay, title = 'Test board'): Promise<string> {
  const res = await fetch(`${relay.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status}`)
  return ((await res.json()) as { id: string }).id
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** A stock y-websocket WebsocketProvider, as a browser would run it, with `ws` standing in. */
export function connectClient(relay: Relay, boardId: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
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
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A raw `ws` socket on a board, for sending frames no well-behaved client would. */
export async function openRawSocket(relay: Relay, boardId: string): Promise<WebSocket> {
  const ws = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/ws/${boardId}`)
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

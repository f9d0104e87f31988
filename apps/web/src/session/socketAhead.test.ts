/**
 * A board's socket opened ahead, against the real relay on port 0, with the platform's own
 * WebSocket (the browser's API; Node runs these tests with it enabled) and a real y-websocket
 * provider taking the socket: nothing the relay sent before the provider took it is lost, and the
 * provider syncs on what the snapshot did not hold.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addNote, listNotes } from '@samla/board'
import { credentialProtocols } from '@samla/protocol'
import { createRelay, type Relay } from '@samla/relay'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openSocketAhead, type SocketAhead } from './socketAhead'

const cleanup: (() => unknown)[] = []

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function startBoard() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-socket-ahead-'))
  const relay: Relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, logger: pino({ level: 'silent' }) })
  cleanup.push(
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => relay.close(),
  )
  const response = await fetch(`${relay.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'Ahead' }) })
  const { id, links } = (await response.json()) as { id: string; links: { participant: string } }
  return { relay, boardId: id, token: links.participant, wsUrl: `${relay.url.replace(/^http/, 'ws')}/ws` }
}

function provider(wsUrl: string, boardId: string, token: string, doc = new Y.Doc(), ahead?: SocketAhead) {
  const made = new WebsocketProvider(wsUrl, boardId, doc, {
    connect: false,
    params: { token },
    disableBc: true,
    WebSocketPolyfill: ahead?.WebSocketPolyfill,
  })
  cleanup.push(() => made.destroy())
  return made
}

async function openConnections(relay: Relay): Promise<number> {
  return (await relay.metrics.connections.get()).values[0]?.value ?? 0
}

async function snapshotOf(relay: Relay, boardId: string, token: string) {
  const response = await fetch(`${relay.url}/api/boards/${boardId}/snapshot`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const stateVector = Buffer.from(response.headers.get('samla-state-vector') ?? '', 'base64')
  return { update: new Uint8Array(await response.arrayBuffer()), stateVector: new Uint8Array(stateVector) }
}

describe('a board socket opened ahead', () => {
  it('[WS1] hands the provider that takes it everything the relay sent before, and syncs what the snapshot lacked', async () => {
    const { relay, boardId, token, wsUrl } = await startBoard()
    const writer = provider(wsUrl, boardId, token)
    writer.awareness.setLocalStateField('user', { name: 'Writer' })
    writer.connect()
    await eventually(() => writer.synced, 'the writer to sync')
    addNote(writer.doc, { x: 0, y: 0, text: 'in the snapshot' })
    const snapshot = await snapshotOf(relay, boardId, token)

    const url = provider(wsUrl, boardId, token).url
    const ahead = openSocketAhead(url)
    cleanup.push(() => ahead.discard())
    ahead.requestChangesSince(snapshot.stateVector)
    // A change after the snapshot reaches the open socket (as the answer to its request, or live).
    addNote(writer.doc, { x: 200, y: 0, text: 'after the snapshot' })
    await new Promise((resolve) => setTimeout(resolve, 500))

    const doc = new Y.Doc()
    Y.applyUpdate(doc, snapshot.update)
    const reader = provider(wsUrl, boardId, token, doc, ahead)
    const events: string[] = []
    reader.on('status', ({ status }) => events.push(status))
    reader.on('sync', (synced) => events.push(synced ? 'synced' : 'unsynced'))
    reader.connect()
    // As the session does once its provider has connected: a no-op for a socket already taken.
    ahead.discard()
    // Taken open, the socket reports its opening and the relay's answers right away, in order.
    await Promise.resolve()
    await Promise.resolve()
    expect(events).toEqual(['connecting', 'connected', 'synced'])
    expect(
      listNotes(doc)
        .map((note) => note.text)
        .sort(),
    ).toEqual(['after the snapshot', 'in the snapshot'])
    // The writer's presence came with the relay's welcome, before the provider existed (it is
    // renewed only every 15 s, so nothing else could have brought it this soon).
    const names = () => [...reader.awareness.getStates().values()].map((state) => state.user?.name)
    await eventually(() => names().includes('Writer'), "the writer's presence", 2000)
    // And the socket is the provider's own: its changes reach the writer.
    addNote(doc, { x: 400, y: 0, text: 'from the reader' })
    await eventually(() => listNotes(writer.doc).length === 3, "the reader's note at the writer")
  })

  it('[WS2] is taken once, and only for its own address: otherwise it is closed and the provider gets a socket of its own', async () => {
    const { relay, boardId, token, wsUrl } = await startBoard()
    const url = provider(wsUrl, boardId, token).url
    const ahead = openSocketAhead(url)
    await eventually(async () => (await openConnections(relay)) === 1, 'the socket opened ahead')
    const elsewhere = new ahead.WebSocketPolyfill(`${url}&from=elsewhere`)
    const again = new ahead.WebSocketPolyfill(url)
    cleanup.push(
      () => elsewhere.close(),
      () => again.close(),
    )
    // The socket opened ahead was closed, not handed out; the two asked for are new and open.
    await eventually(
      () => elsewhere.readyState === WebSocket.OPEN && again.readyState === WebSocket.OPEN,
      'both to open',
    )
    await eventually(async () => (await openConnections(relay)) === 2, 'only those two at the relay')
  })

  it('[WS3] a socket no provider took is closed when discarded, and nothing is handed out after', async () => {
    const { relay, boardId, token, wsUrl } = await startBoard()
    const url = provider(wsUrl, boardId, token).url
    const ahead = openSocketAhead(url)
    await eventually(async () => (await openConnections(relay)) === 1, 'the socket opened ahead')
    ahead.discard()
    await eventually(async () => (await openConnections(relay)) === 0, 'the discarded socket to close')
    const late = new ahead.WebSocketPolyfill(url)
    cleanup.push(() => late.close())
    await eventually(() => late.readyState === WebSocket.OPEN, 'a fresh socket to open')
  })

  it('[WS4] opened with the credentials as subprotocols (an address without a token), it is taken only with the same ones', async () => {
    const { relay, boardId, token, wsUrl } = await startBoard()
    const url = `${wsUrl}/${boardId}`
    const offered = credentialProtocols(token, 'device-key-0123456789')
    const received = async () => (await relay.metrics.messagesIn.get()).values[0]?.value ?? 0
    // A socket opened ahead sends its request once it is open: the relay receiving it shows the socket open.
    const openAhead = async () => {
      const before = await received()
      const ahead = openSocketAhead(url, offered)
      ahead.requestChangesSince(new Uint8Array([0]))
      await eventually(async () => (await received()) > before, 'the socket opened ahead to be open')
      return ahead
    }
    // Another device's credentials get a socket of their own (still connecting), not the open one.
    const ahead = await openAhead()
    const otherDevice = new ahead.WebSocketPolyfill(url, credentialProtocols(token, 'other-device-0123456789'))
    cleanup.push(() => otherDevice.close())
    expect(otherDevice.readyState).toBe(WebSocket.CONNECTING)
    await eventually(() => otherDevice.readyState === WebSocket.OPEN, 'a socket of its own for other credentials')
    expect(otherDevice.protocol).toBe('samla')
    await eventually(async () => (await openConnections(relay)) === 1, 'the socket opened ahead to be closed')

    // The same credentials take the open socket.
    const second = await openAhead()
    const taken = new second.WebSocketPolyfill(url, offered)
    cleanup.push(() => taken.close())
    expect(taken.readyState).toBe(WebSocket.OPEN)
    expect(taken.protocol).toBe('samla')
  })
})

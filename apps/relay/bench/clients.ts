/**
 * Real protocol clients, all in this (parent) process: a stock y-websocket WebsocketProvider for
 * Samla and the stock y-websocket server, a HocuspocusProvider for Hocuspocus (its messages carry
 * the document name, so a plain y-websocket provider cannot talk to it). `ws` stands in for the
 * browser WebSocket. Plus the waiting helpers every scenario uses, all bounded in time. On a server
 * of several processes (a Samla cluster), clients are spread over them round-robin.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerUnderTest } from './servers.js'

export interface BenchClient {
  doc: Y.Doc
  /** Resolves on the first completed sync handshake. */
  synced: Promise<void>
  destroy(): void
}

function connectYWebsocket(wsUrl: string, server: ServerUnderTest, boardId: string, doc: Y.Doc): BenchClient {
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: server.params(boardId),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    synced: new Promise((resolve) => provider.once('sync', () => resolve())),
    destroy: () => provider.destroy(),
  }
}

function connectHocuspocus(wsUrl: string, boardId: string, doc: Y.Doc): BenchClient {
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: boardId, document: doc })
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()))
  provider.attach()
  return {
    doc,
    synced,
    destroy() {
      provider.destroy()
      socket.destroy()
    },
  }
}

/** The server process the `index`th client of a scenario connects to (round-robin). */
export const processOf = (server: ServerUnderTest, index: number) => index % server.wsUrls.length

export function connect(server: ServerUnderTest, boardId: string, index = 0): BenchClient {
  const doc = new Y.Doc()
  const wsUrl = server.wsUrls[processOf(server, index)] as string
  return server.kind === 'hocuspocus'
    ? connectHocuspocus(wsUrl, boardId, doc)
    : connectYWebsocket(wsUrl, server, boardId, doc)
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Opens `count` clients on one board at once (client i on process processOf(i)) and waits until all have synced. */
export async function connectSynced(
  server: ServerUnderTest,
  boardId: string,
  count: number,
  timeoutMs = 60_000,
): Promise<BenchClient[]> {
  const clients = Array.from({ length: count }, (_, index) => connect(server, boardId, index))
  try {
    await withTimeout(Promise.all(clients.map((c) => c.synced)), timeoutMs, `${count} clients to sync`)
  } catch (error) {
    for (const client of clients) client.destroy()
    throw error
  }
  return clients
}

/** The clock of `doc`'s own client: every local change moves it forward. */
export const ownClock = (doc: Y.Doc) => Y.getState(doc.store, doc.clientID)

/**
 * Resolves with the time (performance.now) at which the last of `docs` had integrated every change
 * of client `writerId` up to `clock`. Event driven, so the time is exact, not a polling tick.
 */
export function allReach(docs: Y.Doc[], writerId: number, clock: number, timeoutMs: number): Promise<number> {
  const cleanups: (() => void)[] = []
  const reached = new Promise<number>((resolve) => {
    let waiting = docs.length
    const arrived = () => {
      if (--waiting === 0) resolve(performance.now())
    }
    if (waiting === 0) resolve(performance.now())
    for (const doc of docs) {
      if (Y.getState(doc.store, writerId) >= clock) {
        arrived()
        continue
      }
      const onUpdate = () => {
        if (Y.getState(doc.store, writerId) < clock) return
        doc.off('update', onUpdate)
        arrived()
      }
      doc.on('update', onUpdate)
      cleanups.push(() => doc.off('update', onUpdate))
    }
  })
  return withTimeout(reached, timeoutMs, `${docs.length} clients to receive the writer's changes`).finally(() => {
    for (const cleanup of cleanups) cleanup()
  })
}

/**
 * Assembles the relay: one HTTP server for the API, health, metrics and the web app, with
 * websocket upgrades on /ws/<boardId> checked before they are accepted. Dependencies (storage,
 * logger, limits) come in as options so tests can run the real thing on port 0.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { CloseCode, type DocKind, type Role } from '@samla/protocol'
import { type Logger, pino } from 'pino'
import { type WebSocket, WebSocketServer } from 'ws'
import { authorise } from './access/authorise.js'
import { isBoardId } from './access/board-ids.js'
import { createRateLimits } from './access/rate-limits.js'
import { loadOrCreateSecret } from './access/secret.js'
import { DEFAULT_LIMITS, DEFAULT_WEB_ROOT, type RelayLimits } from './base/config.js'
import { createMetrics, type Metrics } from './base/metrics.js'
import { createHistory } from './history/board-history.js'
import { createHttpApi } from './http/api.js'
import { RejectedMessageError } from './rooms/room.js'
import { Rooms } from './rooms/rooms.js'
import { openSqliteStorage } from './storage/sqlite.js'
import type { DocRef, Storage } from './storage/storage.js'

export interface RelayOptions {
  port?: number
  host?: string
  /** Where the embedded SQLite database lives; ignored when `storage` is given. */
  dataDir?: string
  storage?: Storage
  webRoot?: string
  logger?: Logger
  limits?: Partial<RelayLimits>
  /** Secret that signs capability tokens; by default one is generated into the data directory. */
  secret?: string
}

export interface Relay {
  readonly port: number
  /** http://host:port */
  readonly url: string
  readonly metrics: Metrics
  /** Rooms currently loaded in memory. */
  readonly roomCount: number
  /** Stops accepting, flushes every room, closes sockets with 1012. Idempotent. */
  close(): Promise<void>
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  )
}

/** Gives clients a moment to answer the close frames, then cuts whoever has not. */
async function closeHandshakes(wss: WebSocketServer, timeoutMs: number): Promise<void> {
  const open = [...wss.clients].map((ws) => new Promise((resolve) => ws.once('close', resolve)))
  await Promise.race([Promise.all(open), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())])
  for (const ws of wss.clients) ws.terminate()
}

export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const log = options.logger ?? pino({ name: 'samla-relay' })
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const dataDir = options.dataDir ?? './data'
  const storage = options.storage ?? openSqliteStorage(dataDir)
  const secret = loadOrCreateSecret(dataDir, options.secret)
  const rateLimits = createRateLimits(limits)
  const metrics = createMetrics()
  const connectionLogs = new WeakMap<WebSocket, Logger>()
  /** Closes a socket whose message was refused, with the code that says why. */
  function refuseMessage(ws: WebSocket, error: RejectedMessageError, bytes: number): void {
    metrics.rejected.inc({ reason: error.reason })
    connectionLogs.get(ws)?.warn({ reason: error.reason, detail: error.message, bytes }, 'message refused')
    ws.close(error.closeCode, error.reason)
  }
  const history = createHistory(storage, limits, () => rooms)
  const rooms = new Rooms({
    storage,
    log,
    metrics,
    limits,
    onRejected: (ws, error) => refuseMessage(ws, error, 0),
    afterStore: (room) => history.afterStore(room),
  })
  const perAddress = new Map<string, number>()
  let draining = false
  const handleHttp = createHttpApi({
    storage,
    log,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    maxBodyBytes: limits.maxHttpBodyBytes,
    maxImportBytes: limits.maxImportBytes,
    currentState: (boardId, kind) =>
      rooms.use({ boardId, kind }, (room) => {
        room.flushPending()
        return room.encodeResolvedState()
      }),
    boardSnapshot: (boardId) => rooms.use({ boardId, kind: 'board' }, (room) => room.snapshot()),
    metrics: metrics.registry,
    secret,
    rateLimits,
    isReady: () => !draining,
    closeConnections: (boardId, roles) => rooms.closeBoard(boardId, CloseCode.LinkRotated, 'link replaced', roles),
    discardBoard: (boardId) => {
      rooms.discardBoard(boardId, CloseCode.BoardDeleted, 'board deleted')
      history.forget(boardId)
    },
    history,
  })
  // A request whose headers never complete is cut (this covers websocket upgrades too); Node checks
  // at connectionsCheckingInterval, so that is kept short enough for the timeout to mean what it says.
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.headersTimeoutMs * 3,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  }
  const server = http.createServer(serverOptions, (req, res) => {
    void handleHttp(req, res)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes })
  let nextConnectionId = 1

  server.on('upgrade', (req, socket, head) => {
    // Until a websocket takes the socket over, and on a refused one to its end, nothing else listens
    // to it: a client resetting it (a page closing a socket still connecting) must not go unhandled.
    socket.on('error', () => socket.destroy())
    void upgrade(req, socket, head)
  })

  /** Everything about an upgrade is checked before the websocket is accepted. */
  async function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relay')
    const match = /^\/ws\/([^/]*)(\/control)?$/.exec(url.pathname)
    const boardId = match?.[1] ?? ''
    const kind: DocKind = match?.[2] ? 'control' : 'board'
    const address = req.socket.remoteAddress ?? 'unknown'
    if (draining) return refuseUpgrade(socket, 503, 'The relay is restarting')
    if (!match) return refuseUpgrade(socket, 404, 'Websockets are served at /ws/<boardId>')
    if (!isBoardId(boardId)) return refuseUpgrade(socket, 400, 'That is not a valid board id')
    if (!(await rateLimits.allowUpgrade(address))) {
      metrics.rejected.inc({ reason: 'rate-limited' })
      return refuseUpgrade(socket, 429, 'Too many connection attempts from this address; wait a minute')
    }
    const access = authorise(storage, secret, boardId, url.searchParams.get('token'))
    if (!access.ok) {
      if (access.status !== 404) metrics.rejected.inc({ reason: 'unauthorised' })
      return refuseUpgrade(socket, access.status, access.message)
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, { boardId, kind }, access.role, address))
  }

  /** Refused after the upgrade, with a close code, because a browser cannot read an HTTP refusal. */
  function refuse(ws: WebSocket, reason: 'room-full' | 'address-limit', code: number, message: string): void {
    metrics.rejected.inc({ reason })
    ws.close(code, message)
  }

  function accept(ws: WebSocket, ref: DocRef, role: Role, address: string): void {
    const connLog = log.child({ room: `${ref.boardId}/${ref.kind}`, conn: nextConnectionId++, role })
    connectionLogs.set(ws, connLog)
    if ((perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) {
      refuse(ws, 'address-limit', CloseCode.TooManyFromAddress, 'too many connections from this address')
      return
    }
    const room = rooms.open(ref)
    if (room.size >= limits.maxConnectionsPerRoom) {
      refuse(ws, 'room-full', CloseCode.BoardFull, 'board full')
      return
    }
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1)
    metrics.connections.inc()
    let alive = true
    ws.binaryType = 'nodebuffer'
    ws.on('pong', () => {
      alive = true
    })
    ws.on('message', (data: Buffer, isBinary) => {
      // Frames still buffered behind a refused one are not read: the socket is on its way out.
      if (ws.readyState !== ws.OPEN) return
      metrics.messagesIn.inc()
      metrics.bytesIn.inc(data.byteLength)
      try {
        if (!isBinary) throw new RejectedMessageError('malformed', CloseCode.MalformedMessage, 'text frame')
        room.receive(ws, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      } catch (error) {
        if (!(error instanceof RejectedMessageError)) throw error
        refuseMessage(ws, error, data.byteLength)
      }
    })
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes with 1009 itself and reports it only here.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.rejected.inc({ reason: 'too-big' })
      connLog.warn({ err: error }, 'socket error')
    })
    const ping = setInterval(() => {
      if (!alive) {
        connLog.info('no pong; dropping socket')
        ws.close(CloseCode.Unresponsive, 'no pong')
        // A dead peer never completes the close handshake.
        setTimeout(() => ws.terminate(), 1000).unref()
        return
      }
      alive = false
      ws.ping()
    }, limits.pingIntervalMs)
    ws.on('close', (code) => {
      clearInterval(ping)
      const left = (perAddress.get(address) ?? 1) - 1
      if (left > 0) perAddress.set(address, left)
      else perAddress.delete(address)
      metrics.connections.dec()
      room.leave(ws)
      connLog.debug({ code }, 'socket closed')
    })
    room.join(ws, role)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port, address } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  log.info({ port }, 'relay listening')

  let closing: Promise<void> | undefined
  return {
    port,
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`,
    metrics,
    get roomCount() {
      return rooms.count
    },
    close() {
      closing ??= (async () => {
        draining = true
        const stopped = new Promise((resolve) => server.close(resolve))
        rooms.closeAll(CloseCode.ServiceRestart, 'relay restarting')
        await closeHandshakes(wss, 1000)
        server.closeAllConnections()
        await stopped
        storage.close()
        log.info('relay stopped')
      })()
      return closing
    },
  }
}

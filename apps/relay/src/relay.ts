/**
 * Assembles the relay: one HTTP server for the API and the web app, with websocket upgrades on
 * /ws/<boardId> checked before they are accepted. Dependencies (storage, logger, limits) come in
 * as options so tests can run the real thing on port 0.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { pino, type Logger } from 'pino'
import { type WebSocket, WebSocketServer } from 'ws'
import { isBoardId } from './board-ids.js'
import { CloseCode } from './close-codes.js'
import { DEFAULT_LIMITS, DEFAULT_WEB_ROOT, type RelayLimits } from './config.js'
import { createHttpApi } from './http-api.js'
import { MalformedMessageError } from './room.js'
import { Rooms } from './rooms.js'
import { openSqliteStorage } from './storage/sqlite.js'
import type { Storage } from './storage/storage.js'

export interface RelayOptions {
  port?: number
  host?: string
  /** Where the embedded SQLite database lives; ignored when `storage` is given. */
  dataDir?: string
  storage?: Storage
  webRoot?: string
  logger?: Logger
  limits?: Partial<RelayLimits>
}

export interface Relay {
  readonly port: number
  /** http://host:port */
  readonly url: string
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
  const storage = options.storage ?? openSqliteStorage(options.dataDir ?? './data')
  const rooms = new Rooms(storage, log)
  const handleHttp = createHttpApi({
    storage,
    log,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    maxBodyBytes: limits.maxHttpBodyBytes,
  })
  const server = http.createServer((req, res) => void handleHttp(req, res))
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes })
  let nextConnectionId = 1

  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://relay')
    const match = /^\/ws\/([^/]*)$/.exec(pathname)
    const boardId = match?.[1] ?? ''
    if (!match) return refuseUpgrade(socket, 404, 'Websockets are served at /ws/<boardId>')
    if (!isBoardId(boardId)) return refuseUpgrade(socket, 400, 'That is not a valid board id')
    if (!storage.getBoard(boardId)) return refuseUpgrade(socket, 404, 'No board with that id')
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, boardId))
  })

  function accept(ws: WebSocket, boardId: string): void {
    const connLog = log.child({ room: boardId, conn: nextConnectionId++ })
    const room = rooms.open(boardId)
    let alive = true
    ws.binaryType = 'nodebuffer'
    ws.on('pong', () => {
      alive = true
    })
    ws.on('message', (data: Buffer, isBinary) => {
      try {
        if (!isBinary) throw new MalformedMessageError('text frame')
        room.receive(ws, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      } catch (error) {
        if (!(error instanceof MalformedMessageError)) throw error
        connLog.warn({ reason: error.message, bytes: data.byteLength }, 'malformed message; closing socket')
        ws.close(CloseCode.MalformedMessage, 'malformed message')
      }
    })
    ws.on('error', (error) => connLog.warn({ err: error }, 'socket error'))
    const ping = setInterval(() => {
      if (!alive) {
        connLog.info('no pong; dropping socket')
        ws.terminate()
        return
      }
      alive = false
      ws.ping()
    }, limits.pingIntervalMs)
    ws.on('close', (code) => {
      clearInterval(ping)
      room.leave(ws)
      connLog.debug({ code }, 'socket closed')
    })
    room.join(ws)
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
    close() {
      closing ??= (async () => {
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

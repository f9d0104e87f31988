/**
 * Websocket upgrades on /ws/<boardId> (the board doc) and /ws/<boardId>/control (the control doc).
 * Everything about one is checked before it is accepted: whether the relay is draining, the path,
 * the board id, the address's rate and the link's token; a refusal is a plain HTTP answer. The
 * token and device key come as subprotocols (the web app's way, out of proxies' logs) or as
 * `?token=` and `?device=` (stock clients').
 */
import http from 'node:http'
import type { Duplex } from 'node:stream'
import {
  DEVICE_KEY_PARAM,
  type DocKind,
  isCredentialProtocol,
  isDeviceKey,
  participantId,
  readCredentialProtocols,
  SOCKET_PROTOCOL,
} from '@samla/protocol'
import type { Logger } from 'pino'
import type { WebSocketServer } from 'ws'
import { authorise } from '../access/authorise.js'
import { isBoardId } from '../access/board-ids.js'
import type { ClientAddress } from '../access/client-address.js'
import type { RateLimits } from '../access/rate-limits.js'
import type { Metrics } from '../base/metrics.js'
import type { Storage } from '../storage/storage.js'
import type { Connections } from './connections.js'

export interface UpgradeDeps {
  storage: Storage
  log: Logger
  secret: Buffer
  rateLimits: RateLimits
  metrics: Metrics
  wss: WebSocketServer
  connections: Connections
  isDraining: () => boolean
  clientAddress: ClientAddress
}

/**
 * The subprotocol the relay answers with (ws's handleProtocols): Samla's own when offered, never a
 * credential (the answer would carry the token back out), else the first offered as ws would.
 */
export function chooseSubprotocol(offered: Set<string>): string | false {
  if (offered.has(SOCKET_PROTOCOL)) return SOCKET_PROTOCOL
  return [...offered].find((protocol) => !isCredentialProtocol(protocol)) ?? false
}

function offeredProtocols(req: http.IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim())
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  )
}

export function createUpgradeHandler({
  storage,
  secret,
  rateLimits,
  metrics,
  wss,
  connections,
  isDraining,
  clientAddress,
  log,
}: UpgradeDeps) {
  async function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relay')
    const match = /^\/ws\/([^/]*)(\/control)?$/.exec(url.pathname)
    const boardId = match?.[1] ?? ''
    const kind: DocKind = match?.[2] ? 'control' : 'board'
    const address = clientAddress(req)
    if (isDraining()) return refuseUpgrade(socket, 503, 'The relay is restarting')
    if (!match) return refuseUpgrade(socket, 404, 'Websockets are served at /ws/<boardId>')
    if (!isBoardId(boardId)) return refuseUpgrade(socket, 400, 'That is not a valid board id')
    if (!(await rateLimits.allowUpgrade(address))) {
      metrics.rejected.inc({ reason: 'rate-limited' })
      return refuseUpgrade(socket, 429, 'Too many connection attempts from this address; wait a minute')
    }
    const offered = readCredentialProtocols(offeredProtocols(req))
    const access = await authorise(storage, secret, boardId, offered.token ?? url.searchParams.get('token'))
    if (!access.ok) {
      if (access.status !== 404) metrics.rejected.inc({ reason: 'unauthorised' })
      return refuseUpgrade(socket, access.status, access.message)
    }
    // The device's key proves who writes (authorship); a connection without one may not sign notes.
    const deviceKey = offered.deviceKey ?? url.searchParams.get(DEVICE_KEY_PARAM)
    const participant = isDeviceKey(deviceKey) ? participantId(boardId, deviceKey) : null
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections.accept(ws, { boardId, kind }, { role: access.role, participant }, address).catch((error) => {
        log.error({ err: error }, 'websocket could not join its board')
        ws.terminate()
      })
    })
  }

  return (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Until a websocket takes the socket over, and on a refused one to its end, nothing else listens
    // to it: a client resetting it (a page closing a socket still connecting) must not go unhandled.
    socket.on('error', () => socket.destroy())
    upgrade(req, socket, head).catch((error: unknown) => {
      // A fault while checking it (storage unreadable) drops this connection; it never ends the relay.
      // Dropped, not answered: by now the socket may be a websocket's, and a browser reads no answer.
      log.error({ err: error }, 'websocket upgrade failed')
      socket.destroy()
    })
  }
}

/**
 * Accepted websockets. Each joins its doc's room within the per-address and per-room limits (past
 * them it is closed with a code, because a browser cannot read an HTTP refusal), its frames go to
 * the room, and a frame the room refuses closes it with the code that says why. A board that cannot
 * be loaded as it must be stored (storage failing) closes the socket with 1011; it reconnects later.
 */
import { CloseCode } from '@samla/protocol'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import type { RelayLimits } from '../base/config.js'
import type { Metrics } from '../base/metrics.js'
import type { PeerIdentity } from '../rooms/peer.js'
import { RejectedMessageError } from '../rooms/rejected-message.js'
import type { Room } from '../rooms/room.js'
import type { Rooms } from '../rooms/rooms.js'
import type { DocRef } from '../storage/storage.js'
import { watchFrameBudget } from './frame-budget.js'
import { watchLiveness } from './liveness.js'

export interface ConnectionsDeps {
  log: Logger
  metrics: Metrics
  limits: RelayLimits
  rooms: () => Rooms
}

export function createConnections({ log, metrics, limits, rooms }: ConnectionsDeps) {
  const connectionLogs = new WeakMap<WebSocket, Logger>()
  const perAddress = new Map<string, number>()
  let nextConnectionId = 1

  /** Closes a socket whose message was refused, with the code that says why. */
  function refuseMessage(ws: WebSocket, error: RejectedMessageError, bytes: number): void {
    metrics.rejected.inc({ reason: error.reason })
    connectionLogs.get(ws)?.warn({ reason: error.reason, detail: error.message, bytes }, 'message refused')
    ws.close(error.closeCode, error.reason)
  }

  /** Refused after the upgrade, with a close code, because a browser cannot read an HTTP refusal. */
  function refuse(ws: WebSocket, reason: 'room-full' | 'address-limit', code: CloseCode, message: string): void {
    metrics.rejected.inc({ reason })
    ws.close(code, message)
  }

  /** Takes a socket into its room once the room is loaded; its frames wait unread until then. */
  async function accept(ws: WebSocket, ref: DocRef, identity: PeerIdentity, address: string): Promise<void> {
    const { role } = identity
    const connLog = log.child({ room: `${ref.boardId}/${ref.kind}`, conn: nextConnectionId++, role })
    connectionLogs.set(ws, connLog)
    if ((perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) {
      refuse(ws, 'address-limit', CloseCode.TooManyFromAddress, 'too many connections from this address')
      return
    }
    let room: Room
    ws.pause()
    try {
      room = await rooms().open(ref)
    } catch (error) {
      connLog.error({ err: error }, 'board could not be loaded')
      ws.close(CloseCode.InternalError, 'storage failure')
      return
    } finally {
      ws.resume()
    }
    // It left while the board loaded.
    if (ws.readyState !== ws.OPEN) return
    if (room.size >= limits.maxConnectionsPerRoom) {
      refuse(ws, 'room-full', CloseCode.BoardFull, 'board full')
      return
    }
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1)
    metrics.connections.inc()
    ws.binaryType = 'nodebuffer'
    const receive = (frame: Uint8Array) => {
      // Frames still buffered behind a refused one are not read: the socket is on its way out.
      if (ws.readyState !== ws.OPEN) return
      try {
        room.receive(ws, frame)
      } catch (error) {
        if (!(error instanceof RejectedMessageError)) throw error
        refuseMessage(ws, error, frame.byteLength)
      }
    }
    const budget = watchFrameBudget(ws, limits, receive, (kind) => metrics.throttled.inc({ budget: kind }))
    ws.on('message', (data: Buffer, isBinary) => {
      if (ws.readyState !== ws.OPEN) return
      metrics.messagesIn.inc()
      metrics.bytesIn.inc(data.byteLength)
      if (!isBinary) {
        refuseMessage(
          ws,
          new RejectedMessageError('malformed', CloseCode.MalformedMessage, 'text frame'),
          data.byteLength,
        )
        return
      }
      budget.submit(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    })
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes with 1009 itself and reports it only here.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.rejected.inc({ reason: 'too-big' })
      connLog.warn({ err: error }, 'socket error')
    })
    const stopPinging = watchLiveness(ws, limits.pingIntervalMs, connLog)
    ws.on('close', (code) => {
      stopPinging()
      budget.stop()
      const left = (perAddress.get(address) ?? 1) - 1
      if (left > 0) perAddress.set(address, left)
      else perAddress.delete(address)
      metrics.connections.dec()
      room.leave(ws)
      connLog.debug({ code }, 'socket closed')
    })
    room.join(ws, identity)
  }

  return { accept, refuseMessage }
}

export type Connections = ReturnType<typeof createConnections>

/**
 * One socket in a room: its role, the awareness ids it owns, and what is sent to it. A socket whose
 * send buffer has passed the high-water mark is not reading: it is dropped rather than buffered for.
 */
import { CloseCode, type Role } from '@samla/protocol'
import type { Logger } from 'pino'
import type WebSocket from 'ws'
import type { RelayLimits } from '../base/config.js'
import type { Metrics } from '../base/metrics.js'

/** What the peers of one room share. */
export interface PeerContext {
  readonly roomKey: string
  readonly log: Logger
  readonly metrics: Metrics
  readonly limits: RelayLimits
  /** Takes a dropped peer out of its room, before its socket is closed. */
  readonly leave: (peer: Peer) => void
}

/** Who a connection is: the role its link grants, and the participant its device key proves (or none). */
export interface PeerIdentity {
  readonly role: Role
  readonly participant: string | null
}

export class Peer {
  /** Awareness client ids this connection owns. */
  readonly owned = new Set<number>()

  constructor(
    readonly socket: WebSocket,
    readonly identity: PeerIdentity,
    private readonly context: PeerContext,
  ) {}

  get role(): Role {
    return this.identity.role
  }

  send(message: Uint8Array): void {
    const { socket, context } = this
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > context.limits.sendHighWaterBytes) {
      this.dropAsTooSlow()
      return
    }
    socket.send(message)
    context.metrics.messagesOut.inc()
    context.metrics.bytesOut.inc(message.length)
  }

  private dropAsTooSlow(): void {
    const { socket, context } = this
    context.metrics.slowConsumersDropped.inc()
    context.log.warn({ room: context.roomKey, buffered: socket.bufferedAmount }, 'slow consumer dropped')
    context.leave(this)
    socket.close(CloseCode.TooSlow, 'too slow')
    // It is not reading, so the close handshake may never finish: cut it shortly after.
    setTimeout(() => socket.terminate(), 1000).unref()
  }
}

/** Liveness pings: a socket that has not answered the last ping by the next one is dropped. */
import { CloseCode } from '@samla/protocol'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'

/** Starts pinging `ws` every `intervalMs`; returns what stops it, for when the socket has closed. */
export function watchLiveness(ws: WebSocket, intervalMs: number, log: Logger): () => void {
  let alive = true
  ws.on('pong', () => {
    alive = true
  })
  const ping = setInterval(() => {
    if (!alive) {
      log.info('no pong; dropping socket')
      ws.close(CloseCode.Unresponsive, 'no pong')
      // A dead peer never completes the close handshake.
      setTimeout(() => ws.terminate(), 1000).unref()
      return
    }
    alive = false
    ws.ping()
  }, intervalMs)
  return () => clearInterval(ping)
}

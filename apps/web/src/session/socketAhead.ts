/**
 * A board's socket, opened with the page's first requests rather than by the provider. On a large
 * board the page is busy for a while (reading the snapshot, the first render), and the browser
 * hands a socket's events to the page only between such tasks: a socket the provider opened after
 * them would sync only after the board was drawn. Opened ahead, the socket asks the relay's sync
 * for what came after the snapshot while the page is still loading, and keeps what the relay sends.
 * The provider takes it through its WebSocketPolyfill option on its first connect; what the socket
 * received so far is then handed to the provider's handlers, in order, before anything newer.
 * Every later connect (a retry, a reconnect) opens a new socket.
 */

import * as encoding from 'lib0/encoding'

export interface SocketAhead {
  /**
   * Asks the relay's sync for what it has beyond `stateVector` (a snapshot's), as soon as the
   * socket is open; the answer waits for the provider with everything else the socket receives.
   */
  requestChangesSince(stateVector: Uint8Array): void
  /**
   * For the provider's WebSocketPolyfill option: hands out this socket once, to a provider asking for
   * its address and credentials (subprotocols), then new ones.
   */
  readonly WebSocketPolyfill: typeof WebSocket
  /** Closes the socket if no provider took it. */
  discard(): void
}

/**
 * A socket no provider took this long after it opened, or after the snapshot arrived (the board was
 * refused, the page went elsewhere), is closed.
 */
const UNCLAIMED_MS = 15_000

/**
 * Message types of the wire protocol, kept here rather than imported: y-websocket's `messageSync`
 * and y-protocols' `messageYjsSyncStep1` would bring Yjs itself into the early script.
 */
const MESSAGE_SYNC = 0
const SYNC_STEP_1 = 0

/** Sync step 1 as y-websocket sends it: "send me what I lack beyond this state vector". */
function syncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP_1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Whether a provider asks for the socket opened ahead: the same address and the same credentials. */
function sameSocket(
  url: string,
  protocols: readonly string[],
  target: string | URL,
  asked?: string | string[],
): boolean {
  const askedFor = asked === undefined ? [] : typeof asked === 'string' ? [asked] : asked
  return String(target) === url && askedFor.join(',') === protocols.join(',')
}

export function openSocketAhead(url: string, protocols: readonly string[] = []): SocketAhead {
  let socket: WebSocket | null = new WebSocket(url, [...protocols])
  socket.binaryType = 'arraybuffer'
  const received: unknown[] = []
  const outbox: Uint8Array[] = []
  const keep = (event: MessageEvent) => received.push(event.data)
  const flush = () => {
    for (const message of outbox.splice(0)) socket?.send(message)
  }
  socket.addEventListener('message', keep)
  socket.addEventListener('open', flush)

  const discard = () => {
    clearTimeout(unclaimed)
    // Once a provider took the socket, what it kept is the provider's (replayed just after).
    if (!socket) return
    socket.close()
    socket = null
    received.length = 0
  }
  let unclaimed = setTimeout(discard, UNCLAIMED_MS)

  // Called with `new` (all the provider does with it): a constructor that returns an object makes
  // that object the result.
  function WebSocketPolyfill(target: string | URL, asked?: string | string[]): WebSocket {
    const taken = socket
    socket = null
    clearTimeout(unclaimed)
    if (!taken || !sameSocket(url, protocols, target, asked) || taken.readyState > WebSocket.OPEN) {
      taken?.close()
      return new WebSocket(target, asked)
    }
    taken.removeEventListener('message', keep)
    taken.removeEventListener('open', flush)
    // The provider sets its handlers as soon as this returns, in the same task; an open socket's
    // past is replayed to them just after. One still connecting reports its opening itself.
    if (taken.readyState === WebSocket.OPEN) {
      queueMicrotask(() => {
        taken.dispatchEvent(new Event('open'))
        for (const data of received.splice(0)) taken.dispatchEvent(new MessageEvent('message', { data }))
      })
    }
    return taken
  }

  return {
    requestChangesSince(stateVector) {
      if (!socket) return
      // A large snapshot on a slow network takes a while: the session that takes the socket is near.
      clearTimeout(unclaimed)
      unclaimed = setTimeout(discard, UNCLAIMED_MS)
      const message = syncStep1(stateVector)
      if (socket.readyState === WebSocket.OPEN) socket.send(message)
      else outbox.push(message)
    },
    WebSocketPolyfill: WebSocketPolyfill as unknown as typeof WebSocket,
    discard,
  }
}

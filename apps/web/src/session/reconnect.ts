/**
 * Reconnecting with exponential backoff and full jitter. y-websocket retries on a fixed schedule
 * (100 ms × 2ⁿ), so after a relay restart every one of 300 clients would knock at the same moments.
 * Here each retry waits a random time up to a doubling ceiling, which spreads them out.
 *
 * The provider's own retry is taken over without patching it: on an ordinary close its
 * `shouldConnect` is cleared (so the retry y-websocket schedules right after the close event does
 * nothing), and `connect()` is called when our jittered delay has passed — if a connection is still
 * wanted then. Closes the relay means as final are left to y-websocket and the connection state.
 */
import type { WebsocketProvider } from 'y-websocket'
import { shouldReconnect } from './connectionState'

export const RECONNECT_MIN_MS = 100
export const RECONNECT_BASE_MS = 250
export const RECONNECT_MAX_MS = 30_000

/** The wait before retry number `attempt` (1, 2, …): uniformly random up to a ceiling that doubles. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(1, attempt))
  return Math.round(RECONNECT_MIN_MS + random() * (ceiling - RECONNECT_MIN_MS))
}

/** Takes over the provider's reconnecting; returns the function that stops doing so. */
export function jitterReconnects(provider: WebsocketProvider, wanted: () => boolean): () => void {
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const onClose = (event: CloseEvent | null) => {
    // A deliberate disconnect() has already cleared shouldConnect.
    if (!provider.shouldConnect || (event && !shouldReconnect(event.code))) return
    provider.shouldConnect = false
    attempt += 1
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (wanted()) provider.connect()
    }, reconnectDelay(attempt))
  }
  const onSync = (synced: boolean) => {
    if (synced) attempt = 0
  }

  provider.on('connection-close', onClose)
  provider.on('sync', onSync)
  return () => {
    clearTimeout(timer)
    provider.off('connection-close', onClose)
    provider.off('sync', onSync)
  }
}

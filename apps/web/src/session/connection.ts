/**
 * Wires a board's two y-websocket providers (board doc and control doc) and the browser's
 * online/offline events to the connection state, as a store for useSyncExternalStore. The board
 * doc's link is the one shown; the two connect, stop and end together. Going offline disconnects at
 * once rather than waiting for the socket to time out; coming back reconnects unless the relay
 * closed for good.
 */
import type { WebsocketProvider } from 'y-websocket'
import type { AccessProblem } from '../api/http'
import { jitterReconnects } from './reconnect'
import {
  type ConnectionEvent,
  type ConnectionState,
  INITIAL_CONNECTION,
  reduceConnection,
  shouldReconnect,
} from './connectionState'

export interface ConnectionStore {
  getState(): ConnectionState
  subscribe(listener: () => void): () => void
  /** Starts connecting (once the local copy has loaded). */
  start(): void
  retry(): void
  /** Disconnects both docs, as before erasing the board, without ending access. */
  suspend(): void
  /** Access is over (found out other than by a close code): disconnects for good. */
  end(problem: AccessProblem): void
  destroy(): void
}

export function watchConnection(board: WebsocketProvider, control: WebsocketProvider): ConnectionStore {
  const providers = [board, control]
  let state = INITIAL_CONNECTION
  let started = false
  /** Whether the app wants the connections up (not offline, suspended or stopped): retries check it. */
  let wanted = false
  const listeners = new Set<() => void>()
  const connectAll = () => {
    if (state.ended) return
    wanted = true
    for (const provider of providers) provider.connect()
  }
  const disconnectAll = () => {
    wanted = false
    for (const provider of providers) provider.disconnect()
  }
  // Retries are spread out at random, so a relay restart is not met by every client at once.
  const stopRetrying = providers.map((provider) => jitterReconnects(provider, () => wanted && !state.stopped))
  const dispatch = (event: ConnectionEvent) => {
    const next = reduceConnection(state, event)
    if (next === state) return
    const stopping = next.stopped && !state.stopped
    state = next
    // One doc's final close stops both: the other would otherwise keep a half-open board alive.
    // Deferred, because this may run inside a provider's own close handling.
    if (stopping) queueMicrotask(disconnectAll)
    for (const listener of listeners) listener()
  }

  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') dispatch({ type: 'connecting' })
  }
  const onSync = (synced: boolean) => {
    if (synced) dispatch({ type: 'synced' })
  }
  const onBoardClose = (event: CloseEvent | null) => dispatch({ type: 'closed', code: event?.code ?? null })
  // The control doc's ordinary closes mirror the board's; only its final ones matter on their own.
  const onControlClose = (event: CloseEvent | null) => {
    if (event && !shouldReconnect(event.code)) dispatch({ type: 'closed', code: event.code })
  }
  const onStopped = () => dispatch({ type: 'stopped' })
  const onOffline = () => {
    disconnectAll()
    dispatch({ type: 'browser-offline' })
  }
  const onOnline = () => {
    if (started && !state.stopped) connectAll()
  }

  board.on('status', onStatus)
  board.on('sync', onSync)
  board.on('connection-close', onBoardClose)
  control.on('connection-close', onControlClose)
  for (const provider of providers) provider.on('closed', onStopped)
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      started = true
      if (navigator.onLine) connectAll()
      else dispatch({ type: 'browser-offline' })
    },
    retry() {
      dispatch({ type: 'retry' })
      connectAll()
    },
    suspend: disconnectAll,
    end: (problem) => dispatch({ type: 'ended', problem }),
    destroy() {
      for (const stop of stopRetrying) stop()
      board.off('status', onStatus)
      board.off('sync', onSync)
      board.off('connection-close', onBoardClose)
      control.off('connection-close', onControlClose)
      for (const provider of providers) provider.off('closed', onStopped)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      listeners.clear()
    },
  }
}

/**
 * Wires a y-websocket provider and the browser's online/offline events to the connection state,
 * as a store for useSyncExternalStore. Going offline disconnects at once rather than waiting for
 * the socket to time out; coming back reconnects unless the relay closed for good.
 */
import type { WebsocketProvider } from 'y-websocket'
import { type ConnectionEvent, type ConnectionState, INITIAL_CONNECTION, reduceConnection } from './connectionState'

export interface ConnectionStore {
  getState(): ConnectionState
  subscribe(listener: () => void): () => void
  /** Starts connecting (once the local copy has loaded). */
  start(): void
  retry(): void
  destroy(): void
}

export function watchConnection(provider: WebsocketProvider): ConnectionStore {
  let state = INITIAL_CONNECTION
  let started = false
  const listeners = new Set<() => void>()
  const dispatch = (event: ConnectionEvent) => {
    const next = reduceConnection(state, event)
    if (next === state) return
    state = next
    for (const listener of listeners) listener()
  }

  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') dispatch({ type: 'connecting' })
  }
  const onSync = (synced: boolean) => {
    if (synced) dispatch({ type: 'synced' })
  }
  const onClose = (event: CloseEvent | null) => dispatch({ type: 'closed', code: event?.code ?? null })
  const onStopped = () => dispatch({ type: 'stopped' })
  const onOffline = () => {
    provider.disconnect()
    dispatch({ type: 'browser-offline' })
  }
  const onOnline = () => {
    if (started && !state.stopped) provider.connect()
  }

  provider.on('status', onStatus)
  provider.on('sync', onSync)
  provider.on('connection-close', onClose)
  provider.on('closed', onStopped)
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
      if (navigator.onLine) provider.connect()
      else dispatch({ type: 'browser-offline' })
    },
    retry() {
      dispatch({ type: 'retry' })
      provider.connect()
    },
    destroy() {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      provider.off('closed', onStopped)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      listeners.clear()
    },
  }
}

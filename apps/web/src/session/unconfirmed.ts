/**
 * Counts this page's changes to the board that the relay has not yet confirmed.
 *
 * Method: every local update (one per transaction; anything not applied by the relay connection
 * or loaded from the local copy) gets the next sequence number. While synced, a sync step 1 is sent
 * now and then as a probe; the relay handles a connection's messages in order and stores everything
 * it received before it answers a step 1 with a step 2, so the answer confirms every change made
 * before the probe was sent. Answers come back in the order the probes went out; the step 2 that
 * answers y-websocket's own step 1 on connecting is the one that arrives while not yet synced, and is
 * not counted. On reconnecting, the offline changes travel in the step 2 the client sends in reply to
 * the relay's step 1, which is why a probe follows every new sync. The count covers this page's
 * session: changes left unsent by an earlier visit are still sent, but not counted.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync, type WebsocketProvider } from 'y-websocket'

/** Longest a change waits before a probe asks the relay to confirm it; bounds the relay's extra work. */
const PROBE_INTERVAL_MS = 1000

export interface UnconfirmedStore {
  /** Local changes not yet confirmed by the relay. */
  get(): number
  subscribe(listener: () => void): () => void
  destroy(): void
}

export function watchUnconfirmed(
  provider: WebsocketProvider,
  isRemote: (origin: unknown) => boolean,
): UnconfirmedStore {
  const { doc } = provider
  const listeners = new Set<() => void>()
  let made = 0
  let confirmed = 0
  /** Sequence numbers covered by the probes in flight on this connection, oldest first. */
  let probes: number[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  const notify = () => {
    for (const listener of listeners) listener()
  }
  const probe = () => {
    timer = null
    const ws = provider.ws
    if (!provider.synced || !ws || ws.readyState !== ws.OPEN || made === confirmed) return
    if (probes.length > 0 && probes[probes.length - 1] === made) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    syncProtocol.writeSyncStep1(encoder, doc)
    ws.send(encoding.toUint8Array(encoder))
    probes.push(made)
  }
  const schedule = (ms: number) => {
    timer ??= setTimeout(probe, ms)
  }

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (isRemote(origin)) return
    made += 1
    notify()
    schedule(PROBE_INTERVAL_MS)
  }
  const onAnswer = () => {
    const covered = probes.shift()
    if (covered === undefined || covered <= confirmed) return
    confirmed = covered
    notify()
    if (made > confirmed) schedule(PROBE_INTERVAL_MS)
  }
  const onSync = (synced: boolean) => {
    if (synced && made > confirmed) schedule(0)
  }
  // Probes sent on a connection that closed are never answered.
  const onClose = () => {
    probes = []
  }

  const handleSync = provider.messageHandlers[messageSync]
  provider.messageHandlers[messageSync] = (encoder, decoder, target, emitSynced, type) => {
    const kind = decoding.peekVarUint(decoder)
    const answersProbe = kind === syncProtocol.messageYjsSyncStep2 && provider.synced
    handleSync?.(encoder, decoder, target, emitSynced, type)
    if (answersProbe) onAnswer()
  }
  doc.on('update', onUpdate)
  provider.on('sync', onSync)
  provider.on('connection-close', onClose)

  return {
    get: () => made - confirmed,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      if (timer) clearTimeout(timer)
      if (handleSync) provider.messageHandlers[messageSync] = handleSync
      doc.off('update', onUpdate)
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      listeners.clear()
    },
  }
}

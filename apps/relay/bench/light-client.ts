/**
 * A protocol-level client for the join storm and the burst receivers, the same code for every
 * server. Over a raw `ws` socket it does what a stock provider does on connect (sync step 1 with an
 * empty state vector, answering the server's step 1, announcing an empty awareness state; for
 * Hocuspocus, its framing: document name first, token message first), but never applies what it
 * receives to a Y.Doc: a stock provider needs ~250 ms and ~30 MB to apply a 5,000-note board, so a
 * few hundred of them would benchmark the client instead of the server.
 * - It keeps the update of the server's first sync step 2, to be checked after the clock stops,
 *   through `keep`, so that joiners sent the same bytes share one copy (distinctUpdates).
 * - With `track`, it also reads the clock range of every update it receives and counts, per
 *   client, how far it holds that client's changes without a gap (Y.parseUpdateMeta, no integration).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { ServerKind } from './ipc.js'

const SYNC = 0
const AWARENESS = 1
const AUTH = 2
/** Hocuspocus only: a sync message that must not trigger another step 1. */
const SYNC_REPLY = 4

/** Where a light client connects: plain data, so that it can be handed to a worker thread. */
export interface BoardAddress {
  kind: ServerKind
  /** Base URL a client appends the board to (y-websocket style), or the Hocuspocus URL. */
  wsUrl: string
  boardId: string
  params: Record<string, string>
}

export interface LightClient {
  /** Resolves with performance.now() when the server's first sync step 2 arrived. */
  synced: Promise<number>
  /** The update carried by that sync step 2. */
  received(): Uint8Array | null
  /** With `track`: resolves with performance.now() once every change of `writerId` up to `clock` has arrived. */
  reach(writerId: number, clock: number): Promise<number>
  close(): void
}

export interface LightOptions {
  track: boolean
  /** Given the first sync step 2's update, returns the copy to hold on to. */
  keep: (update: Uint8Array) => Uint8Array
}

export function joinLight(address: BoardAddress, { track, keep }: LightOptions): LightClient {
  const { kind, wsUrl, boardId, params } = address
  const hocuspocus = kind === 'hocuspocus'
  const query = new URLSearchParams(params).toString()
  const ws = new WebSocket(hocuspocus ? wsUrl : `${wsUrl}/${boardId}${query ? `?${query}` : ''}`)
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  let state: Uint8Array | null = null
  /** Per client: the clock up to which every change has arrived. */
  const held = new Map<number, number>()
  let waiters: { writerId: number; clock: number; resolve: (at: number) => void }[] = []
  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    if (hocuspocus) encoding.writeVarString(encoder, boardId)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }
  const take = (update: Uint8Array) => {
    const { from, to } = Y.parseUpdateMeta(update)
    for (const [client, end] of to) {
      const have = held.get(client) ?? 0
      if ((from.get(client) ?? 0) <= have && end > have) held.set(client, end)
    }
    const now = performance.now()
    waiters = waiters.filter(({ writerId, clock, resolve }) => {
      if ((held.get(writerId) ?? 0) < clock) return true
      resolve(now)
      return false
    })
  }
  const synced = new Promise<number>((resolve, reject) => {
    ws.on('error', reject)
    ws.on('close', () => reject(new Error('socket closed before sync')))
    ws.on('open', () => {
      if (hocuspocus) {
        ws.send(
          frame((e) => {
            encoding.writeVarUint(e, AUTH)
            encoding.writeVarUint(e, 0) // token
            encoding.writeVarString(e, '')
          }),
        )
      }
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, SYNC)
          syncProtocol.writeSyncStep1(e, doc)
        }),
      )
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, AWARENESS)
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
        }),
      )
    })
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data)
      if (hocuspocus) decoding.readVarString(decoder)
      const type = decoding.readVarUint(decoder)
      if (type !== SYNC && type !== SYNC_REPLY) return
      const step = decoding.readVarUint(decoder)
      if (step === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder)
        ws.send(
          frame((e) => {
            encoding.writeVarUint(e, SYNC)
            syncProtocol.writeSyncStep2(e, doc, stateVector)
          }),
        )
        return
      }
      const update = decoding.readVarUint8Array(decoder)
      if (track) take(update)
      if (step === syncProtocol.messageYjsSyncStep2 && state === null) {
        state = keep(update)
        resolve(performance.now())
      }
    })
  })
  // Whoever awaits `synced` sees a failure; a socket closed after a timed-out storm must not crash us.
  synced.catch(() => undefined)
  return {
    synced,
    received: () => state,
    reach(writerId, clock) {
      if ((held.get(writerId) ?? 0) >= clock) return Promise.resolve(performance.now())
      return new Promise((resolve) => waiters.push({ writerId, clock, resolve }))
    },
    close() {
      ws.close()
      awareness.destroy()
      doc.destroy()
    },
  }
}

/**
 * A `keep` for joiners of one board: equal updates share the first copy, so 200 joiners of a 2 MB
 * board hold 2 MB instead of 400 MB (whose allocation and GC would slow the client side down).
 */
export function distinctUpdates(): (update: Uint8Array) => Uint8Array {
  const kept: Buffer[] = []
  return (update) => {
    const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength)
    const known = kept.find((copy) => copy.equals(bytes))
    if (known) return known
    kept.push(bytes)
    return bytes
  }
}

/** True if every update contains client `writerId`'s changes up to `clock` (each distinct byte string decoded once). */
export function allContain(updates: Uint8Array[], writerId: number, clock: number): boolean {
  const verified: Buffer[] = []
  return updates.every((update) => {
    const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength)
    if (verified.some((known) => known.equals(bytes))) return true
    const ok = (Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).get(writerId) ?? 0) >= clock
    if (ok) verified.push(bytes)
    return ok
  })
}

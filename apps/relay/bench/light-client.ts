/**
 * A protocol-level joiner for the join storm. Over a raw `ws` socket it does what a stock provider
 * does on connect (sync step 1 with an empty state vector, answering the server's step 1, announcing
 * an empty awareness state; for Hocuspocus, its framing: document name first, token message first),
 * but keeps the update that the server's sync step 2 carries instead of applying it to a Y.Doc.
 * A stock provider needs ~250 ms and ~30 MB to apply a 5,000-note board, so 200 of them would turn
 * the storm into a benchmark of this process; the received updates are checked after the clock stops.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { ServerUnderTest } from './servers.js'

const SYNC = 0
const AWARENESS = 1
const AUTH = 2
/** Hocuspocus only: a sync message that must not trigger another step 1. */
const SYNC_REPLY = 4

export interface LightJoiner {
  /** Resolves with performance.now() when the server's sync step 2 arrived. */
  synced: Promise<number>
  /** The update carried by that sync step 2. */
  received(): Uint8Array | null
  close(): void
}

export function joinLight(server: ServerUnderTest, boardId: string): LightJoiner {
  const hocuspocus = server.kind === 'hocuspocus'
  const query = new URLSearchParams(server.params(boardId)).toString()
  const ws = new WebSocket(hocuspocus ? server.wsUrl : `${server.wsUrl}/${boardId}${query ? `?${query}` : ''}`)
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  let state: Uint8Array | null = null
  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    if (hocuspocus) encoding.writeVarString(encoder, boardId)
    write(encoder)
    return encoding.toUint8Array(encoder)
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
      } else if (step === syncProtocol.messageYjsSyncStep2 && state === null) {
        state = decoding.readVarUint8Array(decoder)
        resolve(performance.now())
      }
    })
  })
  // Whoever awaits `synced` sees a failure; a socket closed after a timed-out storm must not crash us.
  synced.catch(() => undefined)
  return {
    synced,
    received: () => state,
    close() {
      ws.close()
      awareness.destroy()
      doc.destroy()
    },
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

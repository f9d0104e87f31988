/**
 * The whole board in one HTTP response, for opening it: one Yjs update the session applies before
 * anything listens to the doc, so a large board is read once instead of being decoded from the
 * sync protocol and re-encoded for every update listener. Optional by design: on any failure the
 * page opens from its local copy and the relay's sync, as it would without it.
 */
import * as decoding from 'lib0/decoding'
import { bearer, boardUrl } from './http'

export interface BoardSnapshot {
  readonly update: Uint8Array
  /** The state vector `update` brings a doc to, when the relay sent it. */
  readonly stateVector: Uint8Array | null
}

/** Set by the relay (apps/relay/src/http/api.ts), base64; left out on a board with very many writers. */
const STATE_VECTOR_HEADER = 'samla-state-vector'

/** A Yjs state vector: a count, then that many pairs of client id and clock, and nothing after. */
function isStateVector(bytes: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(bytes)
    const entries = decoding.readVarUint(decoder)
    for (let i = 0; i < entries; i++) {
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
    }
    return !decoding.hasContent(decoder)
  } catch {
    return false
  }
}

/** The header's state vector, if there is one and it reads as one (sent on, a bad one would end the sync). */
function readStateVector(response: Response): Uint8Array | null {
  const header = response.headers.get(STATE_VECTOR_HEADER)
  try {
    const bytes = header ? Uint8Array.from(atob(header), (char) => char.charCodeAt(0)) : null
    return bytes && isStateVector(bytes) ? bytes : null
  } catch {
    return null
  }
}

/** As long as the link lookup waits for an answer: past it, the relay counts as unreachable. */
const ANSWER_TIMEOUT_MS = 5000
/**
 * Once answered, the body may take this long: a first visit has nothing to show before the board
 * arrives, by this way or the sync, so a slow network is waited for rather than downloaded twice.
 */
const BODY_TIMEOUT_MS = 60_000

export async function fetchBoardSnapshot(
  id: string,
  token: string,
  signal: AbortSignal,
): Promise<BoardSnapshot | null> {
  const timeout = new AbortController()
  let timer = setTimeout(() => timeout.abort(), ANSWER_TIMEOUT_MS)
  try {
    const response = await fetch(boardUrl(id, 'snapshot'), {
      signal: AbortSignal.any([signal, timeout.signal]),
      headers: { ...bearer(token), accept: 'application/octet-stream' },
    })
    clearTimeout(timer)
    if (!response.ok) return null
    timer = setTimeout(() => timeout.abort(), BODY_TIMEOUT_MS)
    const stateVector = readStateVector(response)
    return { update: new Uint8Array(await response.arrayBuffer()), stateVector }
  } catch (error) {
    if (signal.aborted) throw error
    return null
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The whole board in one HTTP response, for opening it: a V2 update the session applies before
 * anything listens to the doc, so a large board is read once instead of being decoded from the
 * sync protocol and re-encoded for every update listener. Optional by design: on any failure the
 * page opens from its local copy and the relay's sync, as it would without it.
 */
import { bearer, boardUrl } from './http'

/** A snapshot slower than this is dropped; the sync brings the same board. */
const SNAPSHOT_TIMEOUT_MS = 10_000

export async function fetchBoardSnapshot(id: string, token: string, signal: AbortSignal): Promise<Uint8Array | null> {
  try {
    const response = await fetch(boardUrl(id, 'snapshot'), {
      signal: AbortSignal.any([signal, AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS)]),
      headers: { ...bearer(token), accept: 'application/octet-stream' },
    })
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null
  } catch (error) {
    if (signal.aborted) throw error
    return null
  }
}

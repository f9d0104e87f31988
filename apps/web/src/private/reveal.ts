/**
 * The facilitator's reveal: first a history snapshot of the board ('before-reveal'), so the board as
 * it was just before can be looked at or restored, then the reveal itself in the control doc. A
 * snapshot that fails (the relay unreachable) does not hold the reveal back: the reveal only adds
 * notes, and the workshop is waiting for it.
 */
import { revealPrivateNotes } from '@samla/board'
import { bearer, boardUrl } from '../api/http'
import type { BoardSession } from '../session/session'

const SNAPSHOT_TIMEOUT_MS = 5000

/** Resolves to whether the snapshot was taken. */
export async function revealWithSnapshot(session: BoardSession): Promise<boolean> {
  let snapshot = false
  try {
    const response = await fetch(boardUrl(session.boardId, 'history'), {
      method: 'POST',
      headers: { ...bearer(session.token), 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'before-reveal' }),
      signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS),
    })
    snapshot = response.ok
  } catch {
    // Unreachable: the reveal goes ahead without a snapshot.
  }
  revealPrivateNotes(session.controlDoc)
  return snapshot
}

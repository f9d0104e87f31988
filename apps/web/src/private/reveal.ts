/**
 * The facilitator's reveal: first a history snapshot of the board ('before-reveal'), so the board as
 * it was just before can be looked at or restored, then the reveal itself in the control doc. A
 * snapshot that fails (the relay unreachable) does not hold the reveal back: the reveal only adds
 * notes, and the workshop is waiting for it.
 */
import { revealPrivateNotes } from '@samla/board'
import { takeSnapshot } from '../api/exchange'
import type { BoardSession } from '../session/session'

const SNAPSHOT_TIMEOUT_MS = 5000

/** Resolves to whether the snapshot was taken. */
export async function revealWithSnapshot(session: BoardSession): Promise<boolean> {
  let snapshot = false
  try {
    await takeSnapshot(session.boardId, session.token, 'before-reveal', AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS))
    snapshot = true
  } catch {
    // Unreachable: the reveal goes ahead without a snapshot.
  }
  revealPrivateNotes(session.controlDoc)
  return snapshot
}

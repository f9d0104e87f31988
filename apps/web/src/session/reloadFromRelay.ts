/**
 * After the relay refused a change (4422), this device's copy of the board still holds it and would
 * send it again on every reconnect. Starting over from the relay's board: the session is closed, the
 * board's local copy (not the private drafts, which were never sent) is deleted, and the page reloads.
 */
import { localDocNames } from '../lib/localCopy'
import type { BoardSession } from './session'

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(name)
      request.onsuccess = request.onerror = request.onblocked = () => resolve()
    } catch {
      // No IndexedDB here (some private modes): nothing was kept.
      resolve()
    }
  })
}

export async function reloadFromRelay(session: BoardSession): Promise<void> {
  session.destroy()
  const names = localDocNames(session.boardId)
  await Promise.all([deleteDatabase(names.board), deleteDatabase(names.control)])
  window.location.reload()
}

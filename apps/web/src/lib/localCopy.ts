/**
 * This device's copy of a board: the IndexedDB databases y-indexeddb keeps for its two docs, and
 * erasing them (with the recent-boards entry and the tab's token) once the board is deleted.
 */
import { forgetRecentBoard } from './recentBoards'
import { removeStored } from './storage'

export function localDocNames(boardId: string): {
  readonly board: string
  readonly control: string
  /** The silent brainstorm's drafts, never sent anywhere (erased with the rest). */
  readonly private: string
} {
  return {
    board: `samla-board-${boardId}`,
    control: `samla-board-${boardId}-control`,
    private: `samla-private-${boardId}`,
  }
}

export function tabTokenKey(boardId: string): string {
  return `samla.token.${boardId}`
}

/** The role the relay last confirmed for this tab's token, for opening the board offline. */
export function tabRoleKey(boardId: string): string {
  return `samla.role.${boardId}`
}

/**
 * Forgets everything this device knows about a board. Databases still open (the board being shown)
 * are deleted as soon as their session closes them.
 */
export function eraseLocalCopy(boardId: string): void {
  forgetRecentBoard(boardId)
  removeStored(tabTokenKey(boardId), 'session')
  removeStored(tabRoleKey(boardId), 'session')
  try {
    for (const name of Object.values(localDocNames(boardId))) indexedDB.deleteDatabase(name)
  } catch {
    // No IndexedDB here (some private modes): then nothing was stored either.
  }
}

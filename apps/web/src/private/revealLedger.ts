/**
 * Which reveal this device has already published its private notes for, per board. Each reveal
 * bumps the control doc's revealCount; a count above the one remembered here means private notes
 * are still owed to the board (also after a reload, or when the reveal happened while offline).
 */
import { readStored, writeStored } from '../lib/storage'

export function ledgerKey(boardId: string): string {
  return `samla.revealed.${boardId}`
}

export function lastPublished(boardId: string): number {
  const stored = Number(readStored(ledgerKey(boardId)))
  return Number.isSafeInteger(stored) && stored > 0 ? stored : 0
}

export function rememberPublished(boardId: string, revealCount: number): void {
  writeStored(ledgerKey(boardId), String(revealCount))
}

/** Whether a reveal happened that this device has not published for yet. */
export function owesPublication(revealCount: number, published: number): boolean {
  return revealCount > published
}

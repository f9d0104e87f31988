/**
 * Publishing owed private notes: when the control doc shows a reveal this device has not published
 * for, its drafts go onto the board in one transaction (without author in anonymous mode), and the
 * reveal is remembered so a reload does not publish again.
 */
import { type Author, type ControlState, publishPrivateNotes } from '@samla/board'
import type * as Y from 'yjs'
import { lastPublished, owesPublication, rememberPublished } from './revealLedger'

/** Publishes if a reveal is owed; returns how many notes went onto the board, or null if none was owed. */
export function settleReveal(
  boardId: string,
  control: ControlState,
  drafts: Y.Doc,
  board: Y.Doc,
  author: Author,
): number | null {
  if (!owesPublication(control.revealCount, lastPublished(boardId))) return null
  const published = publishPrivateNotes(drafts, board, control.anonymous ? null : author)
  rememberPublished(boardId, control.revealCount)
  return published
}

/** Asking the relay to place and take back one's own dots, only while the vote phase's open vote allows it. */
import type { DotChange } from '@samla/board'
import { toolsFor } from '../session/phaseTools'
import type { BoardSession } from '../session/session'

function askForDot(session: BoardSession, change: DotChange, noteId: string): void {
  if (toolsFor(session.role, session.control.getControl()).vote) session.votes.ask(change, noteId)
}

export function placeDot(session: BoardSession, noteId: string): void {
  askForDot(session, 'add', noteId)
}

export function takeBackDot(session: BoardSession, noteId: string): void {
  askForDot(session, 'remove', noteId)
}

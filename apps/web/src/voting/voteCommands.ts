/** Placing and taking back one's own dots, only while the vote phase's open vote allows it. */
import { addVote, removeVote, type VoteSettings } from '@samla/board'
import { getDeviceKey } from '../lib/deviceKey'
import { guarded } from '../session/commands'
import { toolsFor } from '../session/phaseTools'
import type { BoardSession } from '../session/session'

function voteWrite(session: BoardSession, write: (settings: VoteSettings) => void): void {
  const control = session.control.getControl()
  if (toolsFor(session.role, control).vote) guarded(session, () => write(control.vote))
}

export function placeDot(session: BoardSession, noteId: string): void {
  voteWrite(session, (settings) => addVote(session.doc, getDeviceKey(), noteId, settings))
}

export function takeBackDot(session: BoardSession, noteId: string): void {
  voteWrite(session, (settings) => removeVote(session.doc, getDeviceKey(), noteId, settings))
}

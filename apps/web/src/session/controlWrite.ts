/**
 * Writes to the control doc, which only facilitators may change (the relay refuses anyone else's).
 * A BoardError (nothing changed, e.g. a vote budget out of range) becomes the board's plain notice.
 */
import { BoardError } from '@samla/board'
import type { BoardSession } from './session'

export function controlWrite(session: BoardSession, write: () => void): void {
  if (session.role !== 'facilitator') return
  try {
    write()
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    session.ui.getState().showNotice(error.code)
  }
}

/**
 * Where a new note goes and what it says about its writer, as the facilitator has set it: nowhere
 * unless the phase lets this person write; into the private drafts during a silent brainstorm (for
 * participants; the facilitator's own notes stay on the board, e.g. the question asked); without
 * any author in anonymous mode.
 */
import { addNote } from '@samla/board'
import type { Point } from '../lib/geometry'
import { noteAuthor } from './author'
import { draftsOf } from './drafts'
import { toolsFor } from './phaseTools'
import type { BoardSession } from './session'

/** Adds a note with its top-left corner at `position`; returns its id, or undefined if none may be added. */
export function addNewNote(session: BoardSession, position: Point): string | undefined {
  const control = session.control.getControl()
  if (!toolsFor(session.role, control).addNotes) return undefined
  const author = noteAuthor(session)
  if (control.privateMode && session.role === 'participant') {
    // Without its drafts doc open the note is not written at all: never onto the shared board instead.
    const drafts = draftsOf(session.boardId)
    return drafts && addNote(drafts.doc, { ...position, ...author })
  }
  return addNote(session.doc, { ...position, ...author })
}

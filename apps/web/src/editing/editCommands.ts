/**
 * Editing actions on the selection and the person's own history: undo and redo, select all, nudge,
 * recolour and delete the selection (each one transaction), and paste notes as new notes of this
 * person's (one transaction for all of them). Like the board's own commands, nothing is attempted
 * while the person may not edit.
 */
import { addNote, type NoteColour, placeAll, recolourNotes } from '@samla/board'
import { screenToWorld } from '../lib/geometry'
import { pointerOnCanvas } from '../presence/usePointerPresence'
import { noteAuthor } from '../session/author'
import { guarded, moveNotesBy, removeNotes } from '../session/commands'
import { draftsOf } from '../session/drafts'
import { takenSpace } from '../session/freeSpace'
import { toolsFor } from '../session/phaseTools'
import { type BoardSession, mayEditBoard } from '../session/session'
import { type ClipNote, placeAround } from './clipboard'
import { existingIds, nudgeOffset } from './selection'

export function undoOwnChange(session: BoardSession): void {
  if (mayEditBoard(session)) session.undo.undo()
}

export function redoOwnChange(session: BoardSession): void {
  if (mayEditBoard(session)) session.undo.redo()
}

/** The selected notes that are still on the board. */
export function selectedNotes(session: BoardSession): string[] {
  return existingIds(session.ui.getState().selection, session.reader.getLayout())
}

export function selectAll(session: BoardSession): void {
  session.ui.getState().select(session.reader.getLayout().map((note) => note.id))
}

/** Moves the selection by one arrow-key step; returns whether the key was an arrow. */
export function nudgeSelection(session: BoardSession, key: string, large: boolean): boolean {
  const offset = nudgeOffset(key, large)
  if (!offset) return false
  const ids = selectedNotes(session)
  // A run of arrow presses on one selection is undone as one move.
  moveNotesBy(session, ids, offset.dx, offset.dy, { continues: `nudge:${ids.join(' ')}` })
  return true
}

export function recolourSelection(session: BoardSession, colour: NoteColour): void {
  const ids = selectedNotes(session)
  if (ids.length > 0) guarded(session, () => recolourNotes(session.doc, ids, colour))
}

export function deleteSelection(session: BoardSession): void {
  removeNotes(session, selectedNotes(session))
}

/**
 * Where pasted notes go and whose they are, as for a note added by hand: only while this person may
 * add notes, into their private drafts during a silent brainstorm, and without author when anonymous.
 */
function pasteTarget(session: BoardSession) {
  const control = session.control.getControl()
  if (!toolsFor(session.role, control).addNotes) return null
  const author = noteAuthor(session) ?? {}
  const doc = control.privateMode && session.role === 'participant' ? draftsOf(session.boardId)?.doc : session.doc
  return doc ? { doc, author } : null
}

/** Adds the notes as new ones around the pointer (or the middle of the view), covering none, and selects them. */
export function pasteNotes(session: BoardSession, notes: readonly ClipNote[]): void {
  const target = pasteTarget(session)
  if (!target || notes.length === 0) return
  const { viewport, size } = session.ui.getState()
  const centre = pointerOnCanvas() ?? screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 })
  // Laid out around the point as copied, each note then in the free spot nearest its place there.
  const around = placeAround(notes, centre)
  const spots = placeAll(
    takenSpace(session),
    around.map((note) => ({ width: note.width, height: note.height, near: note })),
  )
  const placed = around.map((note, i) => ({ ...note, ...spots[i] }))
  const ids = guarded(session, () =>
    target.doc.transact(() => placed.map((note) => addNote(target.doc, { ...note, ...target.author }))),
  )
  if (ids) session.ui.getState().select(ids)
}

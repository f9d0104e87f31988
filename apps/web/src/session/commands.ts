/**
 * The board writes the UI performs. Each goes through a @samla/board function; a BoardError (which
 * always means "nothing changed") becomes a plain notice instead of a crash. None is attempted while
 * the person may not edit (a viewer, or a participant on a locked board): the relay would refuse it.
 */
import {
  BoardError,
  bringToFront,
  DEFAULT_NOTE_SIZE,
  deleteNotes,
  frameAt,
  freeSpot,
  listClusters,
  moveNotes,
  type NoteColour,
  recolourNotes,
  setNoteText,
  settleNotes,
} from '@samla/board'
import { type Point, screenToWorld } from '../lib/geometry'
import { LOCAL_ORIGIN, UNTRACKED_ORIGIN } from './origin'
import { takenSpace } from './freeSpace'
import { addNewNote } from './newNote'
import { toolsFor } from './phaseTools'
import { type BoardSession, mayEditBoard } from './session'

/** Runs a write as this person's own edit (`origin`), so undo can tell it from a collaborator's. */
export interface WriteOptions {
  /** LOCAL_ORIGIN (an undoable edit) unless given. */
  readonly origin?: symbol
  /** Writes with the same key in a row (keystrokes in one note) make one undo step; others one each. */
  readonly continues?: string
}

export function guarded<T>(session: BoardSession, write: () => T, options: WriteOptions = {}): T | undefined {
  if (!mayEditBoard(session)) return undefined
  const { origin = LOCAL_ORIGIN, continues } = options
  if (origin === LOCAL_ORIGIN) session.undo.beginWrite(continues)
  try {
    return session.doc.transact(write, origin)
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    session.ui.getState().showNotice(error.code)
    return undefined
  }
}

/**
 * Adds a note centred on a world point, selects it and asks for its text field to take focus. A note
 * made inside a group's frame (by someone who may group) joins that group and takes its place in
 * its grid; anywhere else it goes to the free spot nearest the point, never on top of another note.
 */
export function addNoteAt(session: BoardSession, centre: Point): string | undefined {
  const control = session.control.getControl()
  const onBoard = !(control.privateMode && session.role === 'participant')
  const frame = onBoard && toolsFor(session.role, control).cluster ? frameAt(listClusters(session.doc), centre) : null
  const wish = { x: Math.round(centre.x - DEFAULT_NOTE_SIZE / 2), y: Math.round(centre.y - DEFAULT_NOTE_SIZE / 2) }
  const size = { width: DEFAULT_NOTE_SIZE, height: DEFAULT_NOTE_SIZE }
  const spot = frame ? wish : freeSpot(takenSpace(session), size, wish)
  // The phase, a silent brainstorm and anonymous mode decide where the note goes and whose it is.
  const id = guarded(session, () => {
    const added = addNewNote(session, spot)
    if (added && frame) settleNotes(session.doc, [added], { join: true })
    return added
  })
  if (id) {
    const ui = session.ui.getState()
    ui.select([id])
    ui.requestFocus(id)
  }
  return id
}

/** Adds a note in the middle of the visible part of the board. */
export function addNoteInView(session: BoardSession): string | undefined {
  const { viewport, size } = session.ui.getState()
  return addNoteAt(session, screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 }))
}

export function editNoteText(session: BoardSession, id: string, text: string): boolean {
  return (
    guarded(
      session,
      () => {
        setNoteText(session.doc, id, text)
        return true
      },
      { continues: `text:${id}` },
    ) === true
  )
}

export function recolourNote(session: BoardSession, id: string, colour: NoteColour): void {
  guarded(session, () => recolourNotes(session.doc, [id], colour))
}

/** Brings notes to the top of the stack, skipping the write when they already are on top; not undoable on its own. */
export function raiseNotes(session: BoardSession, ids: readonly string[]): void {
  // A note someone else deleted meanwhile is simply left out: restacking is no reason for a notice.
  const present = ids.filter((id) => session.reader.getNote(id))
  const layout = session.reader.getLayout()
  const top = new Set(layout.slice(layout.length - present.length).map((note) => note.id))
  if (present.length === 0 || present.every((id) => top.has(id))) return
  guarded(session, () => bringToFront(session.doc, present), { origin: UNTRACKED_ORIGIN })
}

export function moveNotesBy(
  session: BoardSession,
  ids: readonly string[],
  dx: number,
  dy: number,
  options: WriteOptions = {},
): void {
  if (dx === 0 && dy === 0) return
  guarded(session, () => moveNotes(session.doc, ids, dx, dy), options)
}

export function removeNotes(session: BoardSession, ids: readonly string[]): void {
  const existing = ids.filter((id) => session.reader.getNote(id))
  if (existing.length === 0) return
  guarded(session, () => deleteNotes(session.doc, existing))
  const ui = session.ui.getState()
  ui.select(ui.selection.filter((id) => !existing.includes(id)))
  if (ui.editingId && existing.includes(ui.editingId)) ui.setEditing(null)
}

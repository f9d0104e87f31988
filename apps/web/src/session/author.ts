/**
 * Whose a note this person writes is: their participant id on this board (which the relay checks
 * against the device key the connection presented) and their self-declared name — or nobody's in
 * anonymous mode, where notes store no author at all.
 */
import { getDisplayName } from '../lib/identity'
import type { BoardSession } from './session'

export interface NoteAuthor {
  readonly authorId: string
  readonly authorName: string
}

export function writerOf(session: BoardSession): NoteAuthor {
  return { authorId: session.participantId, authorName: getDisplayName().trim() }
}

/** The author of a new note now: none while the board is anonymous. */
export function noteAuthor(session: BoardSession): NoteAuthor | undefined {
  return session.control.getControl().anonymous ? undefined : writerOf(session)
}

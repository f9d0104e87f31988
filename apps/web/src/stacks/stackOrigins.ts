/**
 * Where a stack's notes came from, in words: the distinct source boards' titles in the order of the
 * stack's notes (a stack shows all its origins, issue #21). A note written on this board has no origin
 * and is named as this board's.
 */
import type { NoteOrigin } from '@samla/board'

export interface OriginWords {
  /** A source board that had no title. */
  readonly untitled: string
  /** A note written on this board itself. */
  readonly thisBoard: string
}

/** The title of the board a note came from, in words for an untitled source or this board itself. */
export function originTitle(origin: NoteOrigin | undefined, words: OriginWords): string {
  return origin ? origin.boardTitle.trim() || words.untitled : words.thisBoard
}

export function stackOrigins(
  noteIds: readonly string[],
  originOf: (noteId: string) => NoteOrigin | undefined,
  words: OriginWords,
): string[] {
  return [...new Set(noteIds.map((noteId) => originTitle(originOf(noteId), words)))]
}

/**
 * Search matching, Swedish-aware. Case and diacritics are ignored (é = e, ü = u, "ANNA" = "anna"),
 * but å, ä and ö are letters of their own, as in the Swedish alphabet: "får" does not find "far".
 * The Nordic æ and ø count as ä and ö, as Swedish collation has it. A query of several words finds
 * notes that contain every word, anywhere and in any order.
 */
import type { NoteColour } from '@samla/board'

const SWEDISH_LETTERS: Readonly<Record<string, string>> = { å: 'å', ä: 'ä', ö: 'ö', æ: 'ä', ø: 'ö' }
const COMBINING_MARKS = /\p{M}/gu

/** Lower case, without diacritics except the Swedish letters, so that plain substring search works. */
export function foldForSearch(text: string): string {
  let folded = ''
  for (const char of text.normalize('NFC').toLocaleLowerCase('sv')) {
    folded += SWEDISH_LETTERS[char] ?? char.normalize('NFD').replace(COMBINING_MARKS, '')
  }
  return folded
}

function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/\s+/u).filter(Boolean)
}

/** Whether already folded text contains every folded term. */
function containsAll(folded: string, terms: readonly string[]): boolean {
  return terms.every((term) => folded.includes(term))
}

export interface NoteFilter {
  readonly query: string
  /** null: any colour. */
  readonly colour: NoteColour | null
  /** null: anyone; '' finds notes without an author (written anonymously or unsigned). */
  readonly author: string | null
}

export const NO_FILTER: NoteFilter = { query: '', colour: null, author: null }

export function isFiltering(filter: NoteFilter): boolean {
  return filter.query.trim() !== '' || filter.colour !== null || filter.author !== null
}

export interface SearchableNote {
  readonly text: string
  readonly colour: NoteColour
  readonly authorName: string
}

export function noteMatches(note: SearchableNote, filter: NoteFilter, fold = foldForSearch): boolean {
  if (filter.colour !== null && note.colour !== filter.colour) return false
  if (filter.author !== null && note.authorName.trim() !== filter.author) return false
  const terms = searchTerms(filter.query)
  return terms.length === 0 || containsAll(fold(note.text), terms)
}

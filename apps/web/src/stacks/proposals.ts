/**
 * Stacks to propose on a merged board (issue #21): near-duplicates (@samla/board's proposeStacks) among
 * notes copied from different source boards — the point of a stack is that several boards had the same
 * idea. Notes already in a confirmed stack, and proposals the facilitator dismissed, are left out.
 */
import { listNotes, type NoteLanguage, noteLanguage, proposeStacks, readStacks, stackId } from '@samla/board'
import type * as Y from 'yjs'

export interface Proposal {
  /** The id the stack will have (stackId), which is also how a dismissal is remembered. */
  readonly id: string
  readonly noteIds: readonly string[]
}

/** `fallback` is the language of a note whose words do not tell (see noteLanguage). */
export function findProposals(doc: Y.Doc, fallback: NoteLanguage): Proposal[] {
  const { stackOf, dismissed } = readStacks(doc)
  const notes = listNotes(doc).filter((note) => note.origin && note.text.trim() !== '' && !stackOf.has(note.id))
  const sourceOf = new Map(notes.map((note) => [note.id, note.origin?.boardId]))
  const compared = notes.map((note) => ({ id: note.id, text: note.text, language: noteLanguage(note.text, fallback) }))
  const proposals: Proposal[] = []
  for (const { noteIds } of proposeStacks(compared)) {
    const id = stackId(noteIds)
    const sources = new Set(noteIds.map((noteId) => sourceOf.get(noteId)))
    if (sources.size >= 2 && !dismissed.has(id)) proposals.push({ id, noteIds })
  }
  return proposals
}

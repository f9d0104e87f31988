/**
 * Dot voting. Each voter's dots live in their own map (keyed by their participant id), so a
 * reload or a reconnect keeps one's dots and no two voters ever write the same entry. The
 * budget and per-note cap come from the control doc's vote settings.
 */
import * as Y from 'yjs'
import type { VoteSettings } from './control.js'
import { noteEntry } from './entries.js'
import { BoardError } from './errors.js'
import { votesMap } from './schema.js'
import { checkId } from './validate.js'

/**
 * A voter's dots on notes still on the board. Dots on a deleted note are left out everywhere,
 * so they go back to the voter's budget instead of being spent on a note nobody can see.
 */
function dotsOf(doc: Y.Doc, map: unknown): Map<string, number> {
  const dots = new Map<string, number>()
  // A voter's entry that is not a map (any peer can write one) holds no dots.
  if (!(map instanceof Y.Map)) return dots
  for (const [noteId, count] of map.entries()) {
    if (Number.isInteger(count) && count > 0 && noteEntry(doc, noteId)) dots.set(noteId, count)
  }
  return dots
}

/** One voter's dots, by note (notes deleted since are left out). */
export function votesOf(doc: Y.Doc, voterId: string): Map<string, number> {
  return dotsOf(doc, votesMap(doc).get(voterId))
}

/** Everyone's dots added up, by note (notes deleted since are left out). */
export function voteTotals(doc: Y.Doc): Map<string, number> {
  const totals = new Map<string, number>()
  for (const map of votesMap(doc).values()) {
    for (const [noteId, count] of dotsOf(doc, map)) totals.set(noteId, (totals.get(noteId) ?? 0) + count)
  }
  return totals
}

/** How many voters have at least one dot on a note still on the board. */
export function voterCount(doc: Y.Doc): number {
  return [...votesMap(doc).values()].filter((map) => dotsOf(doc, map).size > 0).length
}

function checkVoteOpen(settings: VoteSettings): void {
  if (!settings.open || settings.closed) throw new BoardError('vote-not-open', 'There is no open vote right now')
}

export function addVote(doc: Y.Doc, voterId: string, noteId: string, settings: VoteSettings): void {
  checkVoteOpen(settings)
  const voter = checkId(voterId)
  const note = checkId(noteId)
  if (!noteEntry(doc, note)) throw new BoardError('note-not-found', `No note with id ${note} on this board`)
  const mine = votesOf(doc, voter)
  const spent = [...mine.values()].reduce((sum, n) => sum + n, 0)
  if (spent >= settings.budget) throw new BoardError('vote-budget-spent', `All ${settings.budget} dots are placed`)
  const onNote = mine.get(note) ?? 0
  if (onNote >= settings.capPerNote) {
    throw new BoardError('vote-cap-reached', `At most ${settings.capPerNote} dots may go on one note`)
  }
  doc.transact(() => {
    let map = votesMap(doc).get(voter)
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<number>()
      votesMap(doc).set(voter, map)
    }
    map.set(note, onNote + 1)
  })
}

export function removeVote(doc: Y.Doc, voterId: string, noteId: string, settings: VoteSettings): void {
  checkVoteOpen(settings)
  const voter = checkId(voterId)
  const note = checkId(noteId)
  const onNote = votesOf(doc, voter).get(note) ?? 0
  if (onNote === 0) return
  doc.transact(() => {
    const map = votesMap(doc).get(voter)
    if (!(map instanceof Y.Map)) return
    if (onNote === 1) map.delete(note)
    else map.set(note, onNote - 1)
  })
}

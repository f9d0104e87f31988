/**
 * Dot voting's rules, on plain data. Ballots are not in the board doc, which every participant
 * receives and may write: the relay keeps them and, when a voter asks for a dot, checks the ask
 * against that voter's own ballot with these functions before it stores anything. The budget and
 * per-note cap come from the control doc's vote settings.
 */
import type * as Y from 'yjs'
import type { VoteSettings } from './control.js'
import { noteEntry } from './entries.js'
import { notesMap } from './schema.js'

/** One voter's dots, by note id. */
export type Ballot = ReadonlyMap<string, number>

export type DotChange = 'add' | 'remove'

/** Why a dot is refused; the relay answers the voter with it. */
export type DotRefusal = 'vote-not-open' | 'vote-closed' | 'vote-budget-spent' | 'vote-cap-reached' | 'note-not-found'

/** Whether a note id names a note on the board. */
export type NoteOnBoard = (noteId: string) => boolean

export function notesOnBoard(doc: Y.Doc): NoteOnBoard {
  return (noteId) => noteEntry(doc, noteId) !== undefined
}

/**
 * Calls `listener` after each transaction that puts notes on the board or takes some off (which
 * changes what counts, countedDots), not for edits of a note; returns the unsubscribe function.
 */
export function watchNotesOnBoard(doc: Y.Doc, listener: () => void): () => void {
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.size > 0) listener()
  }
  notesMap(doc).observe(onChange)
  return () => notesMap(doc).unobserve(onChange)
}

/**
 * A ballot's dots that count: positive whole numbers on notes still on the board. Dots on a deleted
 * note go back to the voter's budget instead of being spent on a note nobody can see; should the
 * note come back (a restore), they count again.
 */
export function countedDots(ballot: Ballot, onBoard: NoteOnBoard): Map<string, number> {
  const counted = new Map<string, number>()
  for (const [noteId, dots] of ballot)
    if (Number.isInteger(dots) && dots > 0 && onBoard(noteId)) counted.set(noteId, dots)
  return counted
}

export function dotsSpent(ballot: Ballot): number {
  let spent = 0
  for (const dots of ballot.values()) spent += dots
  return spent
}

/**
 * Why a voter whose counted dots are `ballot` may not make the change, or null when they may.
 * Checked in this order: the vote is open, it is not closed, the note is on the board, the budget,
 * the cap. Taking back a dot that is not there is no change, and not refused.
 */
export function refuseDot(
  ballot: Ballot,
  change: DotChange,
  noteId: string,
  settings: VoteSettings,
  onBoard: NoteOnBoard,
): DotRefusal | null {
  if (!settings.open) return 'vote-not-open'
  if (settings.closed) return 'vote-closed'
  if (change === 'remove') return null
  if (!onBoard(noteId)) return 'note-not-found'
  if (dotsSpent(ballot) >= settings.budget) return 'vote-budget-spent'
  if ((ballot.get(noteId) ?? 0) >= settings.capPerNote) return 'vote-cap-reached'
  return null
}

/** The voter's dots on the note after a change that was not refused (0 removes the entry). */
export function dotsAfter(ballot: Ballot, change: DotChange, noteId: string): number {
  const dots = ballot.get(noteId) ?? 0
  return change === 'add' ? dots + 1 : Math.max(0, dots - 1)
}

export interface Tally {
  /** Everyone's counted dots, added up by note. */
  readonly totals: Map<string, number>
  /** Voters with at least one counted dot. */
  readonly voters: number
}

export function tallyBallots(ballots: Iterable<Ballot>, onBoard: NoteOnBoard): Tally {
  const totals = new Map<string, number>()
  let voters = 0
  for (const ballot of ballots) {
    const counted = countedDots(ballot, onBoard)
    if (counted.size > 0) voters++
    for (const [noteId, dots] of counted) totals.set(noteId, (totals.get(noteId) ?? 0) + dots)
  }
  return { totals, voters }
}

/**
 * Dot voting's rules, on plain data. Ballots are not in the board doc, which every participant
 * receives and may write: the relay keeps them and, when a voter asks for a dot, checks the ask
 * against that voter's own ballot with these functions before it stores anything. The budget and
 * per-note cap come from the control doc's vote settings.
 */
import type * as Y from 'yjs'
import type { VoteSettings } from './control.js'
import { notesMap, stacksMap } from './schema.js'
import type { VoteTarget } from './stack.js'

/** One voter's dots, by note id. */
export type Ballot = ReadonlyMap<string, number>

export type DotChange = 'add' | 'remove'

/** Why a dot is refused; the relay answers the voter with it. */
export type DotRefusal = 'vote-not-open' | 'vote-closed' | 'vote-budget-spent' | 'vote-cap-reached' | 'note-not-found'

/**
 * Calls `listener` after each transaction that changes what counts (countedDots): notes put on the
 * board or taken off, stacks confirmed or taken back — not edits of a note; returns the unsubscribe
 * function. Read the vote's targets again (stack.ts, voteTargets) when it is called.
 */
export function watchVoteTargets(doc: Y.Doc, listener: () => void): () => void {
  const onNotes = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.size > 0) listener()
  }
  notesMap(doc).observe(onNotes)
  stacksMap(doc).observeDeep(listener)
  return () => {
    notesMap(doc).unobserve(onNotes)
    stacksMap(doc).unobserveDeep(listener)
  }
}

/**
 * A ballot's dots that count, by the note they count on: positive whole numbers on notes still on
 * the board, a stack's dots added up on its first note (stack.ts). Dots on a deleted note go back to
 * the voter's budget instead of being spent on a note nobody can see; should the note come back (a
 * restore), they count again.
 */
export function countedDots(ballot: Ballot, target: VoteTarget): Map<string, number> {
  const counted = new Map<string, number>()
  for (const [noteId, dots] of ballot) {
    const countsOn = Number.isInteger(dots) && dots > 0 ? target(noteId) : null
    if (countsOn !== null) counted.set(countsOn, (counted.get(countsOn) ?? 0) + dots)
  }
  return counted
}

export function dotsSpent(ballot: Ballot): number {
  let spent = 0
  for (const dots of ballot.values()) spent += dots
  return spent
}

/**
 * Why a voter whose counted dots are `counted` may not make the change, or null when they may.
 * Checked in this order: the vote is open, it is not closed, the note is on the board, the budget,
 * the cap (a stack's, for a note in a stack). Taking back a dot that is not there is no change, and
 * not refused.
 */
export function refuseDot(
  counted: Ballot,
  change: DotChange,
  noteId: string,
  settings: VoteSettings,
  target: VoteTarget,
): DotRefusal | null {
  if (!settings.open) return 'vote-not-open'
  if (settings.closed) return 'vote-closed'
  if (change === 'remove') return null
  const countsOn = target(noteId)
  if (countsOn === null) return 'note-not-found'
  if (dotsSpent(counted) >= settings.budget) return 'vote-budget-spent'
  if ((counted.get(countsOn) ?? 0) >= settings.capPerNote) return 'vote-cap-reached'
  return null
}

/**
 * The change to a voter's stored ballot that makes a change not refused: the dots to store on each
 * note (0 removes the entry). A stack's dots are gathered on the note they count on, so taking one
 * back never has to guess which of its notes held it.
 */
export function ballotChange(
  ballot: Ballot,
  change: DotChange,
  noteId: string,
  target: VoteTarget,
): Map<string, number> {
  const countsOn = target(noteId)
  const writes = new Map<string, number>()
  if (countsOn === null) return writes
  const counted = countedDots(ballot, target).get(countsOn) ?? 0
  const after = change === 'add' ? counted + 1 : Math.max(0, counted - 1)
  if (after === counted) return writes
  for (const [id, dots] of ballot) if (id !== countsOn && dots > 0 && target(id) === countsOn) writes.set(id, 0)
  writes.set(countsOn, after)
  return writes
}

export interface Tally {
  /** Everyone's counted dots, added up by note. */
  readonly totals: Map<string, number>
  /** Voters with at least one counted dot. */
  readonly voters: number
}

export function tallyBallots(ballots: Iterable<Ballot>, target: VoteTarget): Tally {
  const totals = new Map<string, number>()
  let voters = 0
  for (const ballot of ballots) {
    const counted = countedDots(ballot, target)
    if (counted.size > 0) voters++
    for (const [noteId, dots] of counted) totals.set(noteId, (totals.get(noteId) ?? 0) + dots)
  }
  return { totals, voters }
}

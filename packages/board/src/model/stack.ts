/**
 * Stacks (issue #21): near-duplicate notes of a merged board — proposed by exchange/near-duplicates.ts,
 * confirmed by the facilitator — that count as one note in the vote. A stack's id is derived from its
 * notes, so two facilitators confirming the same proposal write the same entry, and a dismissed
 * proposal stays dismissed. Only the facilitator writes stacks (entry-rules.ts, update-check.ts).
 *
 * Whatever concurrent confirmations leave behind, each note counts in one stack at most: confirmed
 * stacks claim their notes in order of id, a note already claimed stays with the first, and a stack
 * left with fewer than two notes of its own is no stack.
 */
import * as Y from 'yjs'
import { noteEntry, stackEntries } from './entries.js'
import { STACK_FIELDS } from './entry-rules.js'
import { validField } from './fields.js'
import { stacksMap } from './schema.js'
import { hashId } from './sha256.js'

export interface StackSnapshot {
  readonly id: string
  /** The notes the stack holds, as confirmed (some may since have been deleted). */
  readonly noteIds: readonly string[]
}

export interface BoardStacks {
  /** Confirmed stacks, by id. */
  readonly confirmed: readonly StackSnapshot[]
  /** The stack each note counts in, by note id. */
  readonly stackOf: ReadonlyMap<string, StackSnapshot>
  /** Ids of proposals the facilitator dismissed. */
  readonly dismissed: ReadonlySet<string>
}

/** The id of the stack of exactly these notes, in any order. */
export const stackId = (noteIds: readonly string[]): string => hashId('stack', ...[...noteIds].sort())

const byId = (a: readonly [string, unknown], b: readonly [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

export function readStacks(doc: Y.Doc): BoardStacks {
  const confirmed: StackSnapshot[] = []
  const stackOf = new Map<string, StackSnapshot>()
  const dismissed = new Set<string>()
  for (const [id, map] of stackEntries(doc).sort(byId)) {
    const noteIds = validField(map, STACK_FIELDS, 'notes') as string[] | undefined
    if (!noteIds) continue
    if (validField(map, STACK_FIELDS, 'dismissed') !== false) {
      dismissed.add(id)
      continue
    }
    const own = noteIds.filter((noteId) => !stackOf.has(noteId))
    if (own.length < 2) continue
    const stack = { id, noteIds: own }
    confirmed.push(stack)
    for (const noteId of own) stackOf.set(noteId, stack)
  }
  return { confirmed, stackOf, dismissed }
}

function writeStack(doc: Y.Doc, noteIds: readonly string[], dismissed: boolean): string {
  const id = stackId(noteIds)
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    entry.set('notes', [...noteIds])
    entry.set('dismissed', dismissed)
    stacksMap(doc).set(id, entry)
  })
  return id
}

/** Confirms the proposal: from now on these notes count as one in the vote. Returns the stack's id. */
export const confirmStack = (doc: Y.Doc, noteIds: readonly string[]): string => writeStack(doc, noteIds, false)

/** Dismisses the proposal, so it is not proposed again. Returns its id. */
export const dismissStack = (doc: Y.Doc, noteIds: readonly string[]): string => writeStack(doc, noteIds, true)

/** Takes a confirmed stack (or a dismissal) back: its notes count one by one again. */
export function removeStack(doc: Y.Doc, id: string): void {
  stacksMap(doc).delete(id)
}

/**
 * The note a note's dots count on: for a note in a confirmed stack, the stack's first note still on
 * the board (so deleting one of its notes loses none of the stack's dots); for any other note, itself
 * while it is on the board; else null.
 */
export type VoteTarget = (noteId: string) => string | null

export function voteTargetOf(doc: Y.Doc, stacks: BoardStacks): VoteTarget {
  const onBoard = (noteId: string) => noteEntry(doc, noteId) !== undefined
  return (noteId) => {
    const stack = stacks.stackOf.get(noteId)
    return stack?.noteIds.find(onBoard) ?? (onBoard(noteId) ? noteId : null)
  }
}

/** The vote's targets as the board's stacks stand now (read them again when the stacks change). */
export const voteTargets = (doc: Y.Doc): VoteTarget => voteTargetOf(doc, readStacks(doc))

/**
 * The board's stacks as React reads them (issue #21): confirmed stacks, the stack each note counts in
 * and the dismissed proposals, with the note each note's dots count on. That changes when a stack
 * changes and when notes come or go (a stack's first note on the board is the one its dots count on),
 * never when a note is typed in; each note's component follows only its own part.
 */
import {
  type BoardStacks,
  listRegions,
  readStacks,
  type StackSnapshot,
  type VoteTarget,
  voteTargetOf,
} from '@samla/board'
import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { type DocView, docViewCache } from '../lib/docView'
import { useBoard } from '../session/BoardContext'

export interface StackView {
  readonly stacks: BoardStacks
  readonly target: VoteTarget
}

/** The stacks read once per change of the stacks map, so a note coming or going keeps their snapshots. */
const readStacksOf: (doc: Y.Doc) => DocView<BoardStacks> = docViewCache(readStacks, (doc, invalidate) => {
  doc.getMap('stacks').observeDeep(invalidate)
})

export const stackIndexOf: (doc: Y.Doc) => DocView<StackView> = docViewCache(
  (doc) => {
    const stacks = readStacksOf(doc).get()
    return { stacks, target: voteTargetOf(doc, stacks) }
  },
  (doc, invalidate) => {
    readStacksOf(doc).subscribe(invalidate)
    // Only a stacked note coming or going can move a stack's dots (stackOf keeps deleted notes' ids);
    // on a board without stacks, adding or deleting notes wakes no note's component.
    doc.getMap('notes').observe((event) => {
      const { stackOf } = readStacksOf(doc).get()
      for (const key of event.keysChanged) if (stackOf.has(key)) return invalidate()
    })
  },
)

/** A part of the stacks' view; the caller re-renders only when that part changes. */
function useStackView<T>(select: (view: StackView) => T): T {
  const index = stackIndexOf(useBoard().doc)
  return useSyncExternalStore(index.subscribe, () => select(index.get()))
}

/** The note whose dots this note's count as: a stack's first note on the board, or the note itself. */
export function useVoteTarget(noteId: string): string {
  return useStackView((view) => view.target(noteId) ?? noteId)
}

/** The confirmed stack the note counts in, if any. */
export function useNoteStack(noteId: string): StackSnapshot | undefined {
  return useStackView((view) => view.stacks.stackOf.get(noteId))
}

export function useBoardStacks(): BoardStacks {
  return useStackView((view) => view.stacks)
}

/** How many source boards' regions the board has: stacks are proposed only on a board merged from several. */
const regionCountOf: (doc: Y.Doc) => DocView<number> = docViewCache(
  (doc) => listRegions(doc).length,
  (doc, invalidate) => doc.getMap('regions').observeDeep(invalidate),
)

export function useRegionCount(): number {
  const index = regionCountOf(useBoard().doc)
  return useSyncExternalStore(index.subscribe, index.get)
}

/**
 * The dots on a board as React reads them: everyone's totals, how many have voted, and this
 * person's own dots (by their stable local user id, so a reload keeps them). Recomputed only when
 * a dot changes or a note comes or goes (a deleted note's dots no longer count). One per doc.
 */
import { voteTotals, voterCount, votesOf } from '@samla/board'
import type * as Y from 'yjs'
import { getUserId } from '../lib/identity'

export interface VoteView {
  readonly totals: ReadonlyMap<string, number>
  readonly voters: number
  readonly mine: ReadonlyMap<string, number>
  /** Dots this person has placed, on notes still on the board. */
  readonly spent: number
}

export interface VoteIndex {
  get(): VoteView
  subscribe(listener: () => void): () => void
}

const indexes = new WeakMap<Y.Doc, VoteIndex>()

export function voteIndexOf(doc: Y.Doc): VoteIndex {
  const existing = indexes.get(doc)
  if (existing) return existing
  const notes = doc.getMap('notes')
  const listeners = new Set<() => void>()
  let view: VoteView | null = null
  const invalidate = () => {
    view = null
    for (const listener of listeners) listener()
  }
  const onNotes = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.size > 0) invalidate()
  }
  // Observed for the doc's lifetime: the index lives as long as the doc it is keyed by.
  doc.getMap('votes').observeDeep(invalidate)
  notes.observe(onNotes)
  const index: VoteIndex = {
    get() {
      if (!view) {
        const mine = votesOf(doc, getUserId())
        view = {
          totals: voteTotals(doc),
          voters: voterCount(doc),
          mine,
          spent: [...mine.values()].reduce((sum, n) => sum + n, 0),
        }
      }
      return view
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  indexes.set(doc, index)
  return index
}

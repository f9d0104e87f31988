/**
 * The dots on a board as React reads them: everyone's totals, how many have voted, and this
 * person's own dots (by their stable local user id, so a reload keeps them). Recomputed only when
 * a dot changes or a note comes or goes (a deleted note's dots no longer count). One per doc.
 */
import { voterCount, votesOf, voteTotals } from '@samla/board'
import type * as Y from 'yjs'
import { getDeviceKey } from '../lib/deviceKey'
import { type DocView, docViewCache } from '../lib/docView'

export interface VoteView {
  readonly totals: ReadonlyMap<string, number>
  readonly voters: number
  readonly mine: ReadonlyMap<string, number>
  /** Dots this person has placed, on notes still on the board. */
  readonly spent: number
}

export type VoteIndex = DocView<VoteView>

function compute(doc: Y.Doc): VoteView {
  const mine = votesOf(doc, getDeviceKey())
  return {
    totals: voteTotals(doc),
    voters: voterCount(doc),
    mine,
    spent: [...mine.values()].reduce((sum, n) => sum + n, 0),
  }
}

export const voteIndexOf: (doc: Y.Doc) => VoteIndex = docViewCache(compute, (doc, invalidate) => {
  doc.getMap('votes').observeDeep(invalidate)
  // Only notes appearing or going matter: totals leave out deleted notes.
  doc.getMap('notes').observe((event) => {
    if (event.keysChanged.size > 0) invalidate()
  })
})

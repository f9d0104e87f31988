/**
 * The ranked results of a board (rankResults) by the totals the relay sends this person, re-ranked
 * when notes, clusters or totals change while the results are open. Computed from the whole doc,
 * which is fine for a view opened now and then.
 */
import { type RankedGroup, rankResults } from '@samla/board'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function useRankedResults(doc: Y.Doc, totals: ReadonlyMap<string, number>): readonly RankedGroup[] {
  const [groups, setGroups] = useState(() => rankResults(doc, totals))
  useEffect(() => {
    const update = () => setGroups(rankResults(doc, totals))
    update()
    doc.on('afterTransaction', update)
    return () => doc.off('afterTransaction', update)
  }, [doc, totals])
  return groups
}

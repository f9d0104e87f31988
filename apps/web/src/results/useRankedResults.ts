/**
 * The ranked results of a board (rankResults), re-ranked when notes, clusters or dots change while
 * the results are open. Computed from the whole doc, which is fine for a view opened now and then.
 */
import { type RankedGroup, rankResults } from '@samla/board'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function useRankedResults(doc: Y.Doc): readonly RankedGroup[] {
  const [groups, setGroups] = useState(() => rankResults(doc))
  useEffect(() => {
    const update = () => setGroups(rankResults(doc))
    update()
    doc.on('afterTransaction', update)
    return () => doc.off('afterTransaction', update)
  }, [doc])
  return groups
}

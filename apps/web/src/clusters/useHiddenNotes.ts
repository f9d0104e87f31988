/** The notes hidden in collapsed clusters, for the notes layer to leave out. */
import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { clusterIndexOf } from './clusterIndex'

export function useHiddenNotes(doc: Y.Doc): ReadonlySet<string> {
  const index = clusterIndexOf(doc)
  return useSyncExternalStore(index.subscribe, () => index.get().hidden)
}

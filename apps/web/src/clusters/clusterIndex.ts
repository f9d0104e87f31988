/**
 * The clusters of a board doc as React reads them: the clusters (bottom first), how many notes each
 * holds, and which notes are hidden in collapsed clusters. The board reader covers notes only, so
 * this observes the clusters map and just the membership-relevant note changes (a note added or
 * deleted, its clusterId changed); typing in a note never wakes it. One index per doc, made lazily.
 */
import { type ClusterSnapshot, clusterMembers, listClusters } from '@samla/board'
import * as Y from 'yjs'
import { type DocView, docViewCache } from '../lib/docView'

export interface ClusterView {
  readonly clusters: readonly ClusterSnapshot[]
  /** Note ids by cluster id (clusters on the board only). */
  readonly members: ReadonlyMap<string, readonly string[]>
  /** Notes in collapsed clusters: not drawn on the canvas. */
  readonly hidden: ReadonlySet<string>
}

export type ClusterIndex = DocView<ClusterView>

function compute(doc: Y.Doc): ClusterView {
  const clusters = listClusters(doc)
  const members = clusterMembers(doc)
  const hidden = new Set(clusters.filter((cluster) => cluster.collapsed).flatMap((c) => members.get(c.id) ?? []))
  return { clusters, members, hidden }
}

function touchesMembership(events: Y.YEvent<Y.AbstractType<unknown>>[], notes: Y.Map<unknown>): boolean {
  return events.some(
    (event) => event.target === notes || (event.target instanceof Y.Map && event.keys.has('clusterId')),
  )
}

export const clusterIndexOf: (doc: Y.Doc) => ClusterIndex = docViewCache(compute, (doc, invalidate) => {
  const notes = doc.getMap('notes')
  doc.getMap('clusters').observeDeep(invalidate)
  notes.observeDeep((events) => {
    if (touchesMembership(events, notes)) invalidate()
  })
})

/**
 * The clusters of a board doc as React reads them: the clusters (bottom first), how many notes each
 * holds, and which notes are hidden in collapsed clusters. The board reader covers notes only, so
 * this observes the clusters map and just the membership-relevant note changes (a note added or
 * deleted, its clusterId changed); typing in a note never wakes it. One index per doc, made lazily.
 */
import { type ClusterSnapshot, listClusters, listNotes } from '@samla/board'
import * as Y from 'yjs'

export interface ClusterView {
  readonly clusters: readonly ClusterSnapshot[]
  /** Note ids by cluster id (clusters on the board only). */
  readonly members: ReadonlyMap<string, readonly string[]>
  /** Notes in collapsed clusters: not drawn on the canvas. */
  readonly hidden: ReadonlySet<string>
}

export interface ClusterIndex {
  get(): ClusterView
  subscribe(listener: () => void): () => void
}

function compute(doc: Y.Doc): ClusterView {
  const clusters = listClusters(doc)
  const members = new Map<string, string[]>(clusters.map((cluster) => [cluster.id, []]))
  for (const note of listNotes(doc)) {
    if (note.clusterId !== null) members.get(note.clusterId)?.push(note.id)
  }
  const hidden = new Set(clusters.filter((cluster) => cluster.collapsed).flatMap((c) => members.get(c.id) ?? []))
  return { clusters, members, hidden }
}

function touchesMembership(events: Y.YEvent<Y.AbstractType<unknown>>[], notes: Y.Map<unknown>): boolean {
  return events.some(
    (event) => event.target === notes || (event.target instanceof Y.Map && event.keys.has('clusterId')),
  )
}

const indexes = new WeakMap<Y.Doc, ClusterIndex>()

export function clusterIndexOf(doc: Y.Doc): ClusterIndex {
  const existing = indexes.get(doc)
  if (existing) return existing
  const notes = doc.getMap('notes')
  const listeners = new Set<() => void>()
  let view: ClusterView | null = null
  const invalidate = () => {
    view = null
    for (const listener of listeners) listener()
  }
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (touchesMembership(events, notes)) invalidate()
  }
  // Observed for the doc's lifetime: the index lives as long as the doc it is keyed by.
  doc.getMap('clusters').observeDeep(invalidate)
  notes.observeDeep(onNotes)
  const index: ClusterIndex = {
    get() {
      view ??= compute(doc)
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

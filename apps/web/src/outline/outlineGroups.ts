/**
 * The outline's structure: one group per cluster (in the canvas's stacking order, bottom first) and
 * one for the notes outside any cluster, each group's notes in reading order (top to bottom, then
 * left to right), as a sighted reader scans the canvas.
 */
import type { ClusterSnapshot, NoteLayout } from '@samla/board'

export interface OutlineGroup {
  /** null: the notes outside any cluster. */
  readonly clusterId: string | null
  readonly name: string
  readonly noteIds: readonly string[]
}

/** Notes whose tops differ by less than this are read as one row. */
const ROW_TOLERANCE = 40

function readingOrder(a: NoteLayout, b: NoteLayout): number {
  return Math.abs(a.y - b.y) < ROW_TOLERANCE ? a.x - b.x : a.y - b.y
}

export function groupNotes(
  layout: readonly NoteLayout[],
  clusters: readonly ClusterSnapshot[],
  members: ReadonlyMap<string, readonly string[]>,
): OutlineGroup[] {
  const clusterOf = new Map<string, string>()
  for (const [clusterId, ids] of members) for (const id of ids) clusterOf.set(id, clusterId)
  const byCluster = new Map<string | null, NoteLayout[]>([[null, []]])
  for (const cluster of clusters) byCluster.set(cluster.id, [])
  for (const note of layout) byCluster.get(clusterOf.get(note.id) ?? null)?.push(note)
  const ids = (key: string | null) => (byCluster.get(key) ?? []).sort(readingOrder).map((note) => note.id)
  return [
    ...clusters.map((cluster) => ({ clusterId: cluster.id, name: cluster.name, noteIds: ids(cluster.id) })),
    { clusterId: null, name: '', noteIds: ids(null) },
  ]
}

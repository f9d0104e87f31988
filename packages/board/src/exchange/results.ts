/**
 * The result of a workshop as a ranked outline: clusters ordered by their votes, and inside each
 * the notes ordered by theirs. Shared by the Markdown and CSV exports (and the results view). The
 * totals come from whoever holds them (the relay's ballots, tallied with tallyBallots).
 */
import type * as Y from 'yjs'
import { listClusters } from '../model/cluster.js'
import { listNotes, type NoteSnapshot } from '../model/note.js'

export interface RankedNote {
  note: NoteSnapshot
  votes: number
}

export interface RankedGroup {
  /** null for the notes outside any cluster. */
  clusterId: string | null
  name: string
  votes: number
  notes: RankedNote[]
}

const byVotes = <T extends { votes: number }>(a: T, b: T) => b.votes - a.votes

/** Clusters (then the unclustered notes, last) ranked by their notes' `totals`; ties keep board order. */
export function rankResults(doc: Y.Doc, totals: ReadonlyMap<string, number>): RankedGroup[] {
  const clusters = listClusters(doc)
  const known = new Set(clusters.map((c) => c.id))
  const groups = new Map<string | null, RankedGroup>(
    clusters.map((c) => [c.id, { clusterId: c.id, name: c.name, votes: 0, notes: [] }]),
  )
  const loose: RankedGroup = { clusterId: null, name: '', votes: 0, notes: [] }
  for (const note of listNotes(doc)) {
    const group = note.clusterId !== null && known.has(note.clusterId) ? groups.get(note.clusterId) : loose
    const votes = totals.get(note.id) ?? 0
    group?.notes.push({ note, votes })
    if (group) group.votes += votes
  }
  const ranked = [...groups.values()].sort(byVotes)
  for (const group of [...ranked, loose]) group.notes.sort(byVotes)
  return loose.notes.length > 0 ? [...ranked, loose] : ranked
}

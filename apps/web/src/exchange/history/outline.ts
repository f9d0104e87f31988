/**
 * What a history snapshot holds, for a read-only preview: its clusters with their notes and the
 * notes outside any cluster, in reading order. The snapshot is loaded into a throwaway Y.Doc that
 * is never connected to anything and is destroyed at once.
 */
import { listClusters, listNotes, type NoteColour, readMeta } from '@samla/board'
import * as Y from 'yjs'

export interface OutlineNote {
  readonly id: string
  readonly text: string
  readonly colour: NoteColour
}

export interface OutlineGroup {
  readonly id: string
  readonly name: string
  readonly notes: readonly OutlineNote[]
}

export interface SnapshotOutline {
  readonly title: string
  readonly noteCount: number
  readonly groups: readonly OutlineGroup[]
  readonly loose: readonly OutlineNote[]
}

export function outlineOf(update: Uint8Array): SnapshotOutline {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
    const clusters = listClusters(doc)
    const known = new Set(clusters.map((cluster) => cluster.id))
    // Top to bottom, then left to right: the order people read a board in.
    const notes = listNotes(doc).sort((a, b) => a.y - b.y || a.x - b.x)
    const plain = ({ id, text, colour }: OutlineNote) => ({ id, text, colour })
    return {
      title: readMeta(doc).title,
      noteCount: notes.length,
      groups: clusters.map((cluster) => ({
        id: cluster.id,
        name: cluster.name,
        notes: notes.filter((note) => note.clusterId === cluster.id).map(plain),
      })),
      loose: notes.filter((note) => note.clusterId === null || !known.has(note.clusterId)).map(plain),
    }
  } finally {
    doc.destroy()
  }
}

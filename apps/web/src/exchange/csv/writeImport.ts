/**
 * Writing planned CSV notes into a board doc in one transaction (with the cluster they go into),
 * after a rehearsal in a scratch doc: the rehearsal meets any refusal of the board model before
 * the real board is touched, and tells how large the change will be on the wire.
 */
import {
  BoardError,
  type ClusterSnapshot,
  createCluster,
  importPlannedNotes,
  listClusters,
  type PlannedNote,
  resizeCluster,
} from '@samla/board'
import * as Y from 'yjs'
import type { Placement } from './placement'

export interface Author {
  readonly authorId: string
  readonly authorName: string
}

/** The relay closes a connection whose message passes 2 MiB (its default); one import stays well below. */
export const MAX_IMPORT_BYTES = 1_500_000

export function writeImport(
  doc: Y.Doc,
  notes: readonly PlannedNote[],
  placement: Placement,
  author?: Author,
): string[] {
  let ids: string[] = []
  doc.transact(() => {
    let clusterId: string | undefined
    if (placement.kind === 'new') {
      clusterId = createCluster(doc, { name: placement.name, ...placement.area })
    } else if (placement.kind === 'existing') {
      clusterId = placement.clusterId
      // Someone may have deleted it since the dialog listed it; the notes must not point at nothing.
      if (!listClusters(doc).some((cluster) => cluster.id === clusterId)) {
        throw new BoardError('cluster-not-found', 'The chosen cluster is no longer on the board')
      }
      if (placement.grownTo) resizeCluster(doc, clusterId, placement.grownTo.width, placement.grownTo.height)
    }
    ids = importPlannedNotes(doc, notes, {
      ...placement.origin,
      ...(clusterId ? { clusterId } : {}),
      ...(author ? { author } : {}),
    })
  })
  return ids
}

/** Bytes the import will send; throws the board model's BoardError if it would refuse any of it. */
export function rehearseImport(
  notes: readonly PlannedNote[],
  placement: Placement,
  cluster: ClusterSnapshot | undefined,
  author?: Author,
): number {
  const scratch = new Y.Doc()
  try {
    if (cluster) {
      const { id, name, x, y, width, height } = cluster
      createCluster(scratch, { id, name, x, y, width, height })
    }
    const before = Y.encodeStateVector(scratch)
    writeImport(scratch, notes, placement, author)
    return Y.encodeStateAsUpdate(scratch, before).byteLength
  } finally {
    scratch.destroy()
  }
}

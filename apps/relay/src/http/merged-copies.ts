/**
 * A source board's copies in the boards merged from it (issue #21). Deleting the source may remove
 * them first (`DELETE /api/boards/<id>?copies=remove`): its notes, the copies of its groups and its
 * region, from each merged board that still exists, live through its room, after a `before-erasure`
 * snapshot. Either way each merged board's facilitator is told in a notice of the board
 * (@samla/board's eraseSource).
 */
import { eraseSource, listClusters, type SourceErasure } from '@samla/board'
import * as Y from 'yjs'
import type { StoredBoard } from '../storage/storage.js'
import type { MergeDeps } from './merged-board.js'

/** The ids of the source's groups as they stand, whose copies carry ids derived from them. */
async function groupIdsOf(deps: MergeDeps, sourceId: string): Promise<string[]> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, await deps.currentState(sourceId, 'board'))
    return listClusters(doc).map((group) => group.id)
  } finally {
    doc.destroy()
  }
}

/**
 * Tells every merged board made from `source` that it is being deleted, removing its copies from
 * them first when `remove`; call it before the source is erased (the merge index goes with it).
 * Resolves with what each merged board was told.
 */
export async function eraseCopiesOf(
  deps: MergeDeps,
  source: StoredBoard,
  remove: boolean,
  now: number,
): Promise<Map<string, SourceErasure>> {
  const told = new Map<string, SourceErasure>()
  const mergedIds = await deps.storage.mergedBoardsOf(source.id)
  if (mergedIds.length === 0) return told
  const groupIds = remove ? await groupIdsOf(deps, source.id) : []
  for (const mergedId of mergedIds) {
    // A merged board deleted meanwhile has nothing left to change.
    if (!(await deps.storage.getBoard(mergedId))) continue
    if (remove) await deps.takeSnapshot(mergedId, 'before-erasure')
    const erasure = await deps.changeBoard(mergedId, (doc) =>
      eraseSource(doc, { boardId: source.id, title: source.title, groupIds }, { remove, now }),
    )
    told.set(mergedId, erasure)
  }
  return told
}

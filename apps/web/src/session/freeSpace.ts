/**
 * The room taken on this board as this person sees it — the notes, the groups' frames and their own
 * private drafts — for placing new and pasted notes where they cover nothing.
 */
import { frameRoom, listClusters, Occupancy } from '@samla/board'
import { draftsOf } from './drafts'
import type { BoardSession } from './session'

export function takenSpace(session: BoardSession): Occupancy {
  const taken = new Occupancy(session.reader.getLayout())
  for (const cluster of listClusters(session.doc)) taken.add(frameRoom(cluster))
  for (const draft of draftsOf(session.boardId)?.reader.getLayout() ?? []) taken.add(draft)
  return taken
}

/**
 * Boards from before the relay kept the ballots held them in their doc, written by the voters
 * themselves (@samla/board's ballotsInDoc). The first time such a board loads, its ballots move into
 * the relay's storage and the doc's are cleared, as a change of the relay's stored before anyone is
 * sent the board; a history snapshot is taken first. Those voters were known by their device key,
 * which now proves their participant id on the board, so each keeps their ballot as their own.
 * Ballots found in the doc of a board whose ballots the relay already keeps are cleared, never counted.
 */
import { ballotsInDoc, clearBallotsInDoc } from '@samla/board'
import { isDeviceKey, participantId } from '@samla/protocol'
import type { Logger } from 'pino'
import type { Storage, StoredBallots } from '../storage/storage.js'
import type { Room } from './room.js'

/** The ballots under the ids the relay keeps them by: a device key becomes its participant id. */
function byParticipant(boardId: string, ballots: StoredBallots): StoredBallots {
  return new Map(
    [...ballots].map(([voter, ballot]) => [isDeviceKey(voter) ? participantId(boardId, voter) : voter, ballot]),
  )
}

export async function moveBallotsOutOfDoc(
  room: Room,
  { storage, log, snapshot }: { storage: Storage; log: Logger; snapshot: (room: Room) => Promise<number> },
): Promise<void> {
  const { votes } = room
  if (!votes) return
  const { boardId } = room.ref
  const ballots = ballotsInDoc(room.doc)
  if (await storage.keepsBallots(boardId)) {
    if (ballots.size === 0) return
    log.warn({ room: room.key, ballots: ballots.size }, 'ballots written into the board doc were cleared, not counted')
    await room.change(clearBallotsInDoc)
    return
  }
  const backup = ballots.size > 0 ? await snapshot(room) : undefined
  await votes.adopt(byParticipant(boardId, ballots))
  if (ballots.size === 0) return
  await room.change(clearBallotsInDoc)
  log.info({ room: room.key, ballots: ballots.size, backup }, 'moved the ballots kept in the board doc into storage')
}

/**
 * Boards stored before the relay checked what participants send (or written by a facilitator's
 * client, which it takes as it comes) may hold entries that break the board's schema: a note that is
 * 42, a group that is a list, a field of the wrong type. Readers skip them, but they would be kept,
 * synced and exported for ever. So when such a board loads, the relay removes exactly what readers
 * leave out (@samla/board's repairBoard), as a change of its own stored before anyone is sent the
 * board; a history snapshot is taken first, so nothing is lost for good. Only counts are logged,
 * never what a note says.
 */
import { invalidEntries, repairBoard } from '@samla/board'
import type { Logger } from 'pino'
import type { Room } from './room.js'

export async function repairOnLoad(
  room: Room,
  { log, snapshot }: { log: Logger; snapshot: (room: Room) => Promise<number> },
): Promise<void> {
  const malformed = invalidEntries(room.doc)
  if (malformed.size === 0) return
  const backup = await snapshot(room)
  let removed = { entries: {}, fields: 0 }
  await room.change((doc) => {
    const repair = repairBoard(doc)
    removed = { entries: Object.fromEntries(repair.entries), fields: repair.fields }
  })
  log.warn(
    {
      room: room.key,
      backup,
      malformed: Object.fromEntries([...malformed].map(([collection, ids]) => [collection, ids.length])),
      removed,
    },
    'repaired a board stored with entries that break its schema',
  )
}

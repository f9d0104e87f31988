/**
 * Many boards: one connection per board, each writing a batch of notes; server RSS per open board
 * is (RSS with them − RSS before) / boards, both after a full GC. Then everyone disconnects and,
 * after the server's idle grace (+2 s), we read how many rooms it still holds and its RSS.
 */
import { addNote } from '@samla/board'
import { allReach, type BenchClient, connectSynced, ownClock, sleep } from '../clients.js'
import { SIZES } from '../config.js'
import { settle } from '../measure.js'
import type { ServerUnderTest } from '../servers.js'
import type { Results } from '../table.js'

const CONNECT_BATCH = 50
const MB = 1024 * 1024

export async function manyBoards(server: ServerUnderTest): Promise<Results> {
  const { boards, notesPerBoard } = SIZES.manyBoards
  const boardIds: string[] = []
  for (let i = 0; i < boards; i++) boardIds.push(await server.createBoard())
  await settle(server)
  const baseline = await server.stats({ gc: true })
  const clients: BenchClient[] = []
  try {
    for (let first = 0; first < boards; first += CONNECT_BATCH) {
      const batch = boardIds.slice(first, first + CONNECT_BATCH)
      const connected = await Promise.all(batch.map((id) => connectSynced(server, id, 1)))
      for (const [index, [client]] of connected.entries()) {
        if (!client) continue
        clients.push(client)
        const author = server.author(batch[index] ?? '', 'M')
        client.doc.transact(() => {
          for (let i = 0; i < notesPerBoard; i++) {
            addNote(client.doc, { x: i * 10, y: 0, text: `Note ${i}`, ...author })
          }
        })
      }
    }
    // Spot-check that the server holds the notes (the y-websocket protocol has no write ack).
    for (const index of [0, Math.floor(boards / 2), boards - 1]) {
      const writer = clients[index]?.doc
      const [probe] = await connectSynced(server, boardIds[index] as string, 1)
      if (!writer || !probe) throw new Error('missing client')
      await allReach([probe.doc], writer.clientID, ownClock(writer), 30_000).finally(() => probe.destroy())
    }
    await settle(server)
    const open = await server.stats({ gc: true })
    for (const client of clients.splice(0)) client.destroy()
    // Samla staggers unloads over up to 10 % past the grace, so that they do not all land in one tick.
    const waitMs = Math.ceil((server.idleGraceMs ?? 0) * 1.1) + 2000
    await sleep(waitMs)
    const after = await server.stats({ gc: true })
    return {
      boardsBaselineMb: baseline.rssBytes / MB,
      boardsRssPerBoardKb: (open.rssBytes - baseline.rssBytes) / boards / 1024,
      boardsRoomsOpen: open.rooms,
      boardsGraceS: waitMs / 1000,
      boardsRoomsAfter: after.rooms,
      boardsRssAfterMb: after.rssBytes / MB,
    }
  } finally {
    for (const client of clients) client.destroy()
  }
}

/**
 * Join storm: one stock client fills a board with notes and stays connected (the reference
 * servers keep nothing once a board is empty), and a stock probe client confirms the server holds
 * every note. Then many light clients (light-client.ts, spread over the client pool's threads)
 * connect at once; we time until the last has its sync step 2, and afterwards check that each of
 * those carried every note. On a cluster, the preparer and the probe are on the first relay and the
 * joiners spread over all relays round-robin: the others load the board from the database when
 * their first joiner arrives, as they would when a workshop starts.
 */
import { addNote } from '@samla/board'
import { boardAddresses, joinGroup, type LightGroup } from '../client-pool.js'
import { allReach, connectSynced, ownClock, withTimeout } from '../clients.js'
import { SIZES } from '../config.js'
import { clientBusy, settle } from '../measure.js'
import type { ServerUnderTest } from '../servers.js'
import type { Results } from '../table.js'

const NOTES_PER_TRANSACTION = 250

export async function joinStorm(server: ServerUnderTest, sizes = SIZES.joinStorm): Promise<Results> {
  const { notes, clients: count } = sizes
  const boardId = await server.createBoard()
  const [preparer] = await connectSynced(server, boardId, 1)
  if (!preparer) throw new Error('no preparer')
  let joiners: LightGroup | undefined
  try {
    const { doc } = preparer
    for (let first = 0; first < notes; first += NOTES_PER_TRANSACTION) {
      doc.transact(() => {
        for (let i = first; i < Math.min(notes, first + NOTES_PER_TRANSACTION); i++) {
          addNote(doc, {
            x: (i % 100) * 170,
            y: Math.floor(i / 100) * 170,
            text: `Note ${i}`,
            ...server.author(boardId, 'P'),
          })
        }
      })
      await new Promise((resolve) => setImmediate(resolve))
    }
    const complete = ownClock(doc)
    const [probe] = await connectSynced(server, boardId, 1)
    if (!probe) throw new Error('no probe')
    await allReach([probe.doc], doc.clientID, complete, 60_000).finally(() => probe.destroy())
    await settle(server)
    const cpuBefore = await server.stats()
    const busy = clientBusy()
    const start = performance.now()
    joiners = joinGroup(boardAddresses(server, boardId), count, false)
    const end = await withTimeout(joiners.synced, 120_000, `${count} joiners to sync`)
    const cpuAfter = await server.stats()
    const clientBusyPercent = busy()
    if (!(await joiners.verify(doc.clientID, complete))) throw new Error('a joiner was sent an incomplete board')
    return {
      stormMs: end - start,
      stormServerCpuMs: cpuAfter.cpuMs - cpuBefore.cpuMs,
      stormClientBusy: clientBusyPercent,
    }
  } finally {
    preparer.destroy()
    await joiners?.close()
  }
}

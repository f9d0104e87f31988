/**
 * Join storm: one stock client fills a board with notes and stays connected (the reference
 * servers keep nothing once a board is empty), and a stock probe client confirms the server holds
 * every note. Then many light clients (light-client.ts, spread over the client pool's threads)
 * connect at once; we time until the last has its sync step 2, and afterwards check that each of
 * those carried every note. On a cluster the joiners spread over all relays round-robin, and the
 * storm runs twice, on two boards: once with the board open on every relay (a watcher on each, as
 * in a workshop already under way with people on every relay: the like of one relay, whose board the
 * preparer keeps loaded), and once open on the first relay only, so that the others load it from
 * the database when their first joiner arrives (`stormColdMs`).
 */
import { addNote } from '@samla/board'
import { boardAddresses, joinGroup, type LightGroup } from '../client-pool.js'
import { allReach, type BenchClient, connectSynced, ownClock, withTimeout } from '../clients.js'
import { SIZES } from '../config.js'
import { clientBusy, settle } from '../measure.js'
import type { ServerUnderTest } from '../servers.js'
import type { Results } from '../table.js'

const NOTES_PER_TRANSACTION = 250

export async function joinStorm(server: ServerUnderTest, sizes = SIZES.joinStorm): Promise<Results> {
  if (server.wsUrls.length === 1) return storm(server, sizes, false)
  const cold = await storm(server, sizes, false)
  const warm = await storm(server, sizes, true)
  return { ...warm, stormColdMs: cold.stormMs }
}

/** One storm on a new board; `openEverywhere` keeps a watcher on every relay (process) through it. */
async function storm(
  server: ServerUnderTest,
  sizes: typeof SIZES.joinStorm,
  openEverywhere: boolean,
): Promise<Results> {
  const { notes, clients: count } = sizes
  const boardId = await server.createBoard()
  const [preparer] = await connectSynced(server, boardId, 1)
  if (!preparer) throw new Error('no preparer')
  let joiners: LightGroup | undefined
  let watchers: BenchClient[] = []
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
    // Client i connects to relay i mod n: one watcher per relay, or one probe on the first.
    const probes = await connectSynced(server, boardId, openEverywhere ? server.wsUrls.length : 1)
    await allReach(
      probes.map((probe) => probe.doc),
      doc.clientID,
      complete,
      60_000,
    )
    if (openEverywhere) watchers = probes
    else for (const probe of probes) probe.destroy()
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
    for (const watcher of watchers) watcher.destroy()
    preparer.destroy()
    await joiners?.close()
  }
}

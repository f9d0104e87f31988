/**
 * Burst: one writer (a stock client) sends keystrokes as fast as it can (yielding every 50 so its
 * socket drains) to a board with many receivers (light clients in the client pool, which check
 * the writer's clock on every update they get); throughput is keystrokes × receivers over the time
 * until the last receiver has the last keystroke, and server CPU is charged per 1,000 such deliveries.
 */
import { addNote, setNoteText } from '@samla/board'
import { boardAddresses, joinGroup } from '../client-pool.js'
import { connectSynced, ownClock, withTimeout } from '../clients.js'
import { SIZES } from '../config.js'
import { clientBusy, settle } from '../measure.js'
import type { ServerUnderTest } from '../servers.js'
import type { Results } from '../table.js'

export async function burst(server: ServerUnderTest, sizes = SIZES.burst): Promise<Results> {
  const { receivers: count, keystrokes, notes } = sizes
  const boardId = await server.createBoard()
  const [writer] = await connectSynced(server, boardId, 1)
  if (!writer) throw new Error('no writer')
  const receivers = joinGroup(boardAddresses(server, boardId), count, true)
  try {
    await withTimeout(receivers.synced, 60_000, `${count} receivers to sync`)
    const writerId = writer.doc.clientID
    // Keystrokes go round-robin over several notes, keeping each under the note text limit.
    const noteIds = Array.from({ length: notes }, (_, i) =>
      addNote(writer.doc, { x: i * 170, y: 0, ...server.author(boardId, 'W') }),
    )
    await withTimeout(receivers.reach(writerId, ownClock(writer.doc)), 30_000, 'receivers to get the notes')
    await settle(server)
    const cpuBefore = await server.stats()
    const busy = clientBusy()
    const start = performance.now()
    for (let k = 0; k < keystrokes; k++) {
      setNoteText(writer.doc, noteIds[k % notes] as string, 'b'.repeat(Math.floor(k / notes) + 1))
      if (k % 50 === 49) await new Promise((resolve) => setImmediate(resolve))
    }
    const end = await withTimeout(receivers.reach(writerId, ownClock(writer.doc)), 120_000, 'receivers to catch up')
    const cpuAfter = await server.stats()
    const deliveries = keystrokes * count
    return {
      burstDeliveriesPerSec: deliveries / ((end - start) / 1000),
      burstCpuPer1k: (cpuAfter.cpuMs - cpuBefore.cpuMs) / (deliveries / 1000),
      burstClientBusy: busy(),
    }
  } finally {
    writer.destroy()
    await receivers.close()
  }
}

/**
 * Fan-out: many clients on one board; one writer adds notes, then types into the last one, paced
 * at a fixed rate. Latency is taken per receiver per change: from just before the writer's local
 * change until that receiver's doc has integrated it (judged by the writer's clock, so a server
 * that merges several changes into one message is measured correctly).
 */
import { addNote, setNoteText } from '@samla/board'
import * as Y from 'yjs'
import { allReach, connectSynced, ownClock, sleep } from '../clients.js'
import { SIZES } from '../config.js'
import { clientBusy, percentile, settle } from '../measure.js'
import type { ServerUnderTest } from '../servers.js'
import type { Results } from '../table.js'

export async function fanOut(server: ServerUnderTest, sizes = SIZES.fanOut): Promise<Results> {
  const { clients: count, notes, keystrokes, perSecond } = sizes
  const boardId = await server.createBoard()
  const clients = await connectSynced(server, boardId, count)
  try {
    const [writer, ...receivers] = clients
    if (!writer) throw new Error('no clients')
    const writerId = writer.doc.clientID
    const total = notes + keystrokes
    const sentAt = new Float64Array(total)
    const clocks = new Float64Array(total)
    let sent = 0
    const latencies = new Float64Array(total * receivers.length)
    let measured = 0
    for (const { doc } of receivers) {
      let next = 0
      doc.on('update', () => {
        const clock = Y.getState(doc.store, writerId)
        const now = performance.now()
        while (next < sent && (clocks[next] ?? Number.POSITIVE_INFINITY) <= clock) {
          latencies[measured++] = now - (sentAt[next++] ?? now)
        }
      })
    }
    await settle(server)
    const cpuBefore = await server.stats()
    const busy = clientBusy()
    const start = performance.now()
    let noteId = ''
    let text = ''
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / perSecond - performance.now()
      if (wait > 0) await sleep(wait)
      sentAt[i] = performance.now()
      if (i < notes) {
        noteId = addNote(writer.doc, { x: (i % 10) * 170, y: Math.floor(i / 10) * 170, ...server.author(boardId, 'W') })
      } else {
        text += 'k'
        setNoteText(writer.doc, noteId, text)
      }
      clocks[i] = ownClock(writer.doc)
      sent = i + 1
    }
    await allReach(
      receivers.map((r) => r.doc),
      writerId,
      ownClock(writer.doc),
      60_000,
    )
    const cpuAfter = await server.stats()
    if (measured !== latencies.length) throw new Error(`measured ${measured} of ${latencies.length} deliveries`)
    latencies.sort()
    return {
      fanOutP50Ms: percentile(latencies, 50),
      fanOutP99Ms: percentile(latencies, 99),
      fanOutServerCpuMs: cpuAfter.cpuMs - cpuBefore.cpuMs,
      fanOutClientBusy: busy(),
    }
  } finally {
    for (const client of clients) client.destroy()
  }
}

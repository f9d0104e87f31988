/**
 * Fan-out: many clients on one board; one writer adds notes, then types into the last one, paced
 * at a fixed rate. Latency is taken per receiver per change: from just before the writer's local
 * change until that receiver's doc has integrated it (judged by the writer's clock, so a server
 * that merges several changes into one message is measured correctly). On a cluster, clients are
 * spread over the relays round-robin and the writer is on the first, so the receivers on the others
 * measure the way across relays (committed, then published through Redis): reported on their own.
 */
import { addNote, setNoteText } from '@samla/board'
import * as Y from 'yjs'
import { allReach, connectSynced, ownClock, processOf, sleep } from '../clients.js'
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
    // Receiver i is client i + 1; those on another process than the writer's are cross-relay.
    const cross = receivers.map((_, i) => processOf(server, i + 1) !== processOf(server, 0))
    const latencies = new Float64Array(total * receivers.length)
    const crossLatencies = new Float64Array(total * cross.filter(Boolean).length)
    let measured = 0
    let measuredCross = 0
    for (const [i, { doc }] of receivers.entries()) {
      let next = 0
      doc.on('update', () => {
        const clock = Y.getState(doc.store, writerId)
        const now = performance.now()
        while (next < sent && (clocks[next] ?? Number.POSITIVE_INFINITY) <= clock) {
          const latency = now - (sentAt[next++] ?? now)
          latencies[measured++] = latency
          if (cross[i]) crossLatencies[measuredCross++] = latency
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
    crossLatencies.sort()
    return {
      fanOutP50Ms: percentile(latencies, 50),
      fanOutP99Ms: percentile(latencies, 99),
      ...(crossLatencies.length > 0 && {
        fanOutCrossP50Ms: percentile(crossLatencies, 50),
        fanOutCrossP99Ms: percentile(crossLatencies, 99),
      }),
      fanOutServerCpuMs: cpuAfter.cpuMs - cpuBefore.cpuMs,
      fanOutClientBusy: busy(),
    }
  } finally {
    for (const client of clients) client.destroy()
  }
}

/**
 * A worker thread of the client pool (client-pool.ts): holds its share of light clients and answers
 * the pool's requests. Times go back as performance.timeOrigin + performance.now(), a clock shared
 * by every thread. Timeouts are the pool's business.
 */
import { parentPort } from 'node:worker_threads'
import type { PoolReply, PoolRequest } from './client-pool.js'
import { allContain, type BoardAddress, distinctUpdates, joinLight, type LightClient } from './light-client.js'

const port = parentPort
if (!port) throw new Error('client-worker.ts runs as a worker thread')

let clients: LightClient[] = []
/** The last of `times` (now if none), on the shared clock. */
const latest = (times: number[]) => performance.timeOrigin + (times.length > 0 ? Math.max(...times) : performance.now())

async function handle(request: PoolRequest): Promise<number | boolean | null> {
  switch (request.op) {
    case 'join': {
      const options = { track: request.track, keep: distinctUpdates() }
      const { addresses, first } = request
      const joined = Array.from({ length: request.count }, (_, i) =>
        joinLight(addresses[(first + i) % addresses.length] as BoardAddress, options),
      )
      clients.push(...joined)
      return latest(await Promise.all(joined.map((c) => c.synced)))
    }
    case 'reach':
      return latest(await Promise.all(clients.map((c) => c.reach(request.writerId, request.clock))))
    case 'verify':
      return allContain(
        clients.map((c) => c.received() ?? new Uint8Array()),
        request.writerId,
        request.clock,
      )
    case 'close':
      for (const client of clients) client.close()
      clients = []
      return null
  }
}

port.on('message', ({ id, request }: { id: number; request: PoolRequest }) => {
  handle(request).then(
    (result) => port.postMessage({ id, result } satisfies PoolReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  )
})

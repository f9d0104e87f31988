/**
 * The light clients (light-client.ts) of the burst and the join storm run spread over worker
 * threads, the same number for every server. In one thread, the receiving side of a few hundred
 * clients (framing, decoding, the sockets) needed a whole core and bounded the numbers before the
 * server did. The pool's CPU counts as the client process's (process.cpuUsage covers all threads).
 */
import { Worker } from 'node:worker_threads'
import { CLIENT_THREADS } from './config.js'
import type { BoardAddress } from './light-client.js'
import type { ServerUnderTest } from './servers.js'

export type PoolRequest =
  /** Client i of this request joins at addresses[(first + i) % addresses.length]. */
  | { op: 'join'; addresses: BoardAddress[]; first: number; count: number; track: boolean }
  | { op: 'reach'; writerId: number; clock: number }
  | { op: 'verify'; writerId: number; clock: number }
  | { op: 'close' }

export type PoolReply = { id: number; result: number | boolean | null } | { id: number; error: string }

const WORKER = new URL('./client-worker.ts', import.meta.url).href
// A worker's entry point does not get the parent's tsx loader; it registers its own first.
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}) })`

interface Thread {
  worker: Worker
  pending: Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>
}

let threads: Thread[] | null = null
let nextId = 1

function start(): Thread[] {
  return Array.from({ length: CLIENT_THREADS }, () => {
    const thread: Thread = { worker: new Worker(BOOT, { eval: true }), pending: new Map() }
    thread.worker.on('message', (reply: PoolReply) => {
      const waiting = thread.pending.get(reply.id)
      thread.pending.delete(reply.id)
      if ('error' in reply) waiting?.reject(new Error(reply.error))
      else waiting?.resolve(reply.result)
    })
    // A thread that dies fails what waits on it, and the pool starts afresh on the next request
    // (a request to a dead thread would never be answered).
    const fail = (error: Error) => {
      for (const { reject } of thread.pending.values()) reject(error)
      thread.pending.clear()
      threads = null
    }
    thread.worker.on('error', fail)
    thread.worker.on('exit', (code) => fail(new Error(`a client thread exited with code ${code}`)))
    // The bench exits when its work is done, whatever the pool is doing.
    thread.worker.unref()
    return thread
  })
}

function ask<T>(thread: Thread, request: PoolRequest): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    thread.pending.set(id, { resolve: resolve as (result: unknown) => void, reject })
    thread.worker.postMessage({ id, request })
  })
}

/** Asks every thread (each with its own request) and gathers the answers. */
function askAll<T>(request: (index: number) => PoolRequest): Promise<T[]> {
  threads ??= start()
  return Promise.all(threads.map((thread, index) => ask<T>(thread, request(index))))
}

/** The board at each of the server's processes. */
export function boardAddresses(server: ServerUnderTest, boardId: string): BoardAddress[] {
  return server.wsUrls.map((wsUrl) => ({ kind: server.kind, wsUrl, boardId, params: server.params(boardId) }))
}

/** The light clients of one board, spread evenly over the threads. */
export interface LightGroup {
  /** Resolves with performance.now() (this thread's clock) when the last client's first sync step 2 arrived. */
  synced: Promise<number>
  /** Resolves with performance.now() once every client holds every change of `writerId` up to `clock` (needs `track`). */
  reach(writerId: number, clock: number): Promise<number>
  /** True if every client's first sync step 2 contained `writerId`'s changes up to `clock`. */
  verify(writerId: number, clock: number): Promise<boolean>
  close(): Promise<void>
}

const latest = (times: number[]) => Math.max(...times) - performance.timeOrigin

/**
 * Opens `count` light clients on the board at once, in the pool's threads, spread round-robin over
 * `addresses` (one per server process). One group at a time: `close` closes all.
 */
export function joinGroup(addresses: BoardAddress[], count: number, track: boolean): LightGroup {
  const base = Math.floor(count / CLIENT_THREADS)
  const extra = count % CLIENT_THREADS
  const share = (index: number) => base + (index < extra ? 1 : 0)
  // How many clients the threads before this one hold.
  const first = (index: number) => index * base + Math.min(index, extra)
  return {
    synced: askAll<number>((index) => ({
      op: 'join',
      addresses,
      first: first(index),
      count: share(index),
      track,
    })).then(latest),
    reach: (writerId, clock) => askAll<number>(() => ({ op: 'reach', writerId, clock })).then(latest),
    verify: (writerId, clock) =>
      askAll<boolean>(() => ({ op: 'verify', writerId, clock })).then((answers) => answers.every(Boolean)),
    close: () => askAll<null>(() => ({ op: 'close' })).then(() => undefined),
  }
}

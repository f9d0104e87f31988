/**
 * Parent side of a server under test: forks server-child.ts (tsx loader, --expose-gc), one process
 * or, for a Samla cluster, one per relay; waits for them to listen, and offers board creation,
 * CPU/RSS/room stats over IPC (summed over the processes), and a bounded stop.
 * BENCH_CPU_PROF_DIR=<dir> makes each server child write a V8 CPU profile there when it stops.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { DEVICE_KEY_PARAM, participantId } from '@samla/protocol'
import type { ChildMessage, ChildStats, ParentMessage, SamlaService, ServerKind } from './ipc.js'

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url))
const REPLY_TIMEOUT_MS = 30_000
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR

export interface ServerUnderTest {
  kind: ServerKind
  version: string
  /**
   * Per process serving the boards (several for a Samla cluster, in the order they started): the
   * base URL a client appends the board to (y-websocket style), or the Hocuspocus URL.
   */
  wsUrls: string[]
  idleGraceMs: number | null
  createBoard(): Promise<string>
  /** Query parameters a client sends when it opens the board (Samla's access token and device key). */
  params(boardId: string): Record<string, string>
  /** The author fields a bench client signs its notes with: its participant id on Samla, the same shape elsewhere. */
  author(boardId: string, name: string): { authorId: string; authorName: string }
  /** Summed over the server's processes. */
  stats(options?: { gc?: boolean }): Promise<ChildStats>
  stop(): Promise<void>
}

/** One server child process. */
interface Child {
  port: number
  version: string
  idleGraceMs: number | null
  stats(gc: boolean): Promise<ChildStats>
  stop(): Promise<void>
}

function waitForMessage<T extends ChildMessage>(child: ChildProcess, match: (m: ChildMessage) => m is T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('server child did not answer in time')), REPLY_TIMEOUT_MS)
    const onMessage = (message: ChildMessage) => {
      if (match(message)) done(null, message)
    }
    const onExit = (code: number | null) => done(new Error(`server child exited (code ${code})`))
    function done(error: Error | null, message?: T) {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolve(message as T)
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/**
 * Samla boards need a capability token; the bench writes with the participant link, and presents a
 * device key so that its notes may carry their author as Samla's participants' do.
 */
const BENCH_DEVICE_KEY = 'bench-device-key-0000000'
const samlaTokens = new Map<string, string>()

async function createSamlaBoard(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench board' }),
  })
  if (res.status !== 201) throw new Error(`board creation failed: HTTP ${res.status}`)
  const { id, links } = (await res.json()) as { id: string; links: { participant: string } }
  samlaTokens.set(id, links.participant)
  return id
}

async function forkChild(kind: ServerKind, service: SamlaService | undefined): Promise<Child> {
  const child = fork(CHILD, [kind, ...(service ? [JSON.stringify(service)] : [])], {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  // A child that died (killed with the bench's process group) fails whoever waits on it, by its exit
  // or the reply timeout; the write error itself must not crash the bench before it cleans up.
  const send = (message: ParentMessage) => child.send(message, () => undefined)
  const ready = await waitForMessage(
    child,
    (m): m is Extract<ChildMessage, { type: 'ready' }> => m.type === 'ready',
  ).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  let nextId = 1
  return {
    port: ready.port,
    version: ready.version,
    idleGraceMs: ready.idleGraceMs,
    async stats(gc) {
      const id = nextId++
      const reply = waitForMessage(
        child,
        (m): m is Extract<ChildMessage, { type: 'stats' }> => m.type === 'stats' && m.id === id,
      )
      send({ type: 'stats', id, gc })
      const { cpuMs, rssBytes, rooms } = await reply
      return { cpuMs, rssBytes, rooms }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      send({ type: 'stop' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

export interface LaunchOptions {
  /** Samla on PostgreSQL (and Redis) instead of SQLite. */
  service?: SamlaService
  /** Server processes, all with the same service: relays of one cluster. */
  processes?: number
}

export async function launchServer(
  kind: ServerKind,
  { service, processes = 1 }: LaunchOptions = {},
): Promise<ServerUnderTest> {
  const children: Child[] = []
  try {
    // One after the other: the first relay on a fresh database applies its migrations.
    for (let i = 0; i < processes; i++) children.push(await forkChild(kind, service))
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()))
    throw error
  }
  const [first] = children
  if (!first) throw new Error('no server process')
  return {
    kind,
    version: first.version,
    wsUrls: children.map(({ port }) => (kind === 'samla' ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}`)),
    idleGraceMs: first.idleGraceMs,
    createBoard: () =>
      // The reference servers take any room name; give them ids shaped like Samla's.
      kind === 'samla' ? createSamlaBoard(first.port) : Promise.resolve(randomBytes(16).toString('base64url')),
    params: (boardId): Record<string, string> => {
      const token = samlaTokens.get(boardId)
      return token ? { token, [DEVICE_KEY_PARAM]: BENCH_DEVICE_KEY } : {}
    },
    author: (boardId, name) => ({ authorId: participantId(boardId, BENCH_DEVICE_KEY), authorName: name }),
    async stats({ gc = false } = {}) {
      const all = await Promise.all(children.map((child) => child.stats(gc)))
      return {
        cpuMs: all.reduce((sum, s) => sum + s.cpuMs, 0),
        rssBytes: all.reduce((sum, s) => sum + s.rssBytes, 0),
        rooms: all.reduce((sum, s) => sum + s.rooms, 0),
      }
    },
    stop: async () => {
      await Promise.all(children.map((child) => child.stop()))
    },
  }
}

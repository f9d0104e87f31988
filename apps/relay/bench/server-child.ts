/**
 * Child process running one server under test on 127.0.0.1 (argv[2] is its kind; for Samla, argv[3]
 * may hold a SamlaService as JSON: PostgreSQL, and Redis for a cluster). It reports
 * `ready` with its port, then answers `stats` with its own CPU time, RSS and open rooms (after a
 * full GC when asked; servers.ts starts it with --expose-gc) and exits on `stop` or when the
 * parent goes away. Each server runs as shipped with default settings, and only its own code is
 * loaded (imports are per kind) so baseline memory is comparable.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { RelayLimits } from '../src/index.js'
import type { ChildMessage, ParentMessage, SamlaService, ServerKind } from './ipc.js'

const require = createRequire(import.meta.url)

interface Running {
  port: number
  version: string
  idleGraceMs: number | null
  rooms(): number
  stop(): Promise<void>
}

/**
 * Samla's relay: temp data dir (its SQLite database unless a service is given), silent logger;
 * BENCH_ROOM_IDLE_GRACE_MS overrides its idle grace.
 */
async function startSamla(service?: SamlaService): Promise<Running> {
  const { createRelay, DEFAULT_LIMITS } = await import('../src/index.js')
  const { pino } = await import('pino')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-bench-'))
  const grace = process.env.BENCH_ROOM_IDLE_GRACE_MS
  // The bench creates hundreds of boards and sockets from one address within seconds.
  const rateLimits = { boardCreationsPerAddressPerMinute: 100_000, upgradesPerAddressPerMinute: 100_000 }
  const limits: Partial<RelayLimits> =
    grace === undefined ? rateLimits : { ...rateLimits, roomIdleGraceMs: Number(grace) }
  const relay = await createRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    webRoot: path.join(dataDir, 'no-web-build'),
    logger: pino({ level: 'silent' }),
    limits,
    ...service,
  })
  return {
    port: relay.port,
    version: `${require('../package.json').version} (working tree)`,
    idleGraceMs: limits.roomIdleGraceMs ?? DEFAULT_LIMITS.roomIdleGraceMs,
    rooms: () => relay.roomCount,
    async stop() {
      await relay.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** The stock bin/server.cjs of y-websocket 2.1.0, configured the documented way (HOST, PORT). */
async function startYWebsocket(): Promise<Running> {
  const port = await freePort()
  process.env.HOST = '127.0.0.1'
  process.env.PORT = String(port)
  const packageDir = path.dirname(require.resolve('y-websocket-v2/package.json'))
  require(path.join(packageDir, 'bin/server.cjs'))
  const { docs } = require('y-websocket-v2/bin/utils') as { docs: Map<string, unknown> }
  for (let attempt = 0; ; attempt++) {
    const answered = await fetch(`http://127.0.0.1:${port}/`).then(
      (res) => res.ok,
      () => false,
    )
    if (answered) break
    if (attempt === 50) throw new Error('y-websocket server did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    port,
    version: require('y-websocket-v2/package.json').version,
    // Without YPERSISTENCE, bin/utils.cjs never removes a doc from `docs`.
    idleGraceMs: null,
    rooms: () => docs.size,
    stop: async () => process.exit(0),
  }
}

async function startHocuspocus(): Promise<Running> {
  const { Server } = await import('@hocuspocus/server')
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  const packageFile = path.join(path.dirname(require.resolve('@hocuspocus/server')), '../package.json')
  return {
    port: server.address.port,
    version: JSON.parse(fs.readFileSync(packageFile, 'utf8')).version,
    idleGraceMs: 0,
    rooms: () => server.hocuspocus.getDocumentsCount(),
    stop: () => server.destroy(),
  }
}

const starters: Record<ServerKind, () => Promise<Running>> = {
  samla: () => startSamla(process.argv[3] ? (JSON.parse(process.argv[3]) as SamlaService) : undefined),
  'y-websocket': startYWebsocket,
  hocuspocus: startHocuspocus,
}

function send(message: ChildMessage): void {
  // The parent may be gone already (an interrupted run); the disconnect handler below ends us.
  if (process.connected) process.send?.(message)
}

const kind = process.argv[2] as ServerKind
const running = await starters[kind]()
// The parent is gone: clean up (Samla's temp data dir) but never linger.
process.on('disconnect', () => {
  setTimeout(() => process.exit(1), 5000).unref()
  void running.stop().finally(() => process.exit(1))
})
process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') {
    void running.stop().finally(() => process.exit(0))
    return
  }
  if (message.gc && globalThis.gc) {
    globalThis.gc()
    globalThis.gc()
  }
  const cpu = process.cpuUsage()
  send({
    type: 'stats',
    id: message.id,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssBytes: process.memoryUsage.rss(),
    rooms: running.rooms(),
  })
})
send({ type: 'ready', port: running.port, version: running.version, idleGraceMs: running.idleGraceMs })

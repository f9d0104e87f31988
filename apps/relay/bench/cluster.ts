/**
 * `pnpm bench:relay -- --cluster <n>` (issue #20): Samla's relay three ways, side by side: one relay
 * on SQLite, one on PostgreSQL, and n relays on one PostgreSQL database and Redis serving as one.
 * Each launch gets a fresh database (test/postgres-database.ts, admin connection in
 * SAMLA_TEST_POSTGRES_URL) and a random Redis prefix (Redis at SAMLA_TEST_REDIS_URL), and its
 * database is dropped when it stops, or when the bench is interrupted.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { createTestDatabase, type TestDatabase } from '../test/postgres-database.js'
import { SCALE, SIZES } from './config.js'
import type { SamlaService, ServerKind } from './ipc.js'
import { launchServer, type ServerUnderTest } from './servers.js'
import { type Column, clusterRatioTable, renderReport } from './table.js'

const REDIS_URL = process.env.SAMLA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A way to run a server: one column of the report. */
export interface Setup {
  kind: ServerKind
  /** The column's heading, given the version the server reports. */
  label(version: string): string
  launch(): Promise<ServerUnderTest>
}

/** Databases created, or being created, and not dropped yet: what an interrupted run still drops. */
const undropped = new Set<Promise<TestDatabase>>()
let interrupted = false

async function freshDatabase(): Promise<TestDatabase> {
  // Until the process exits, the bench carries on; it must not leave a database behind meanwhile.
  if (interrupted) throw new Error('interrupted')
  const creating = createTestDatabase()
  undropped.add(creating)
  const database = await creating.catch((error: unknown) => {
    undropped.delete(creating)
    throw error
  })
  return {
    url: database.url,
    async drop() {
      undropped.delete(creating)
      await database.drop()
    },
  }
}

async function launchOnPostgres(relays: number): Promise<ServerUnderTest> {
  const database = await freshDatabase()
  const service: SamlaService = {
    databaseUrl: database.url,
    secret: randomBytes(32).toString('hex'),
    ...(relays > 1 && { cluster: { redisUrl: REDIS_URL, prefix: `samla-bench-${randomBytes(6).toString('hex')}` } }),
  }
  let server: ServerUnderTest
  try {
    server = await launchServer('samla', { service, processes: relays })
  } catch (error) {
    await database.drop()
    throw error
  }
  return {
    ...server,
    async stop() {
      try {
        await server.stop()
      } finally {
        await database.drop()
      }
    },
  }
}

/**
 * On SIGINT/SIGTERM, drops every database still there and exits; the server children exit by
 * themselves once this process is gone (they watch their IPC channel). `on`, not `once`: a Ctrl-C
 * reaches this process twice (from the terminal, and relayed by tsx), and a second signal without a
 * handler would end it before the drops are done.
 */
export function dropDatabasesOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return
      interrupted = true
      setTimeout(() => process.exit(1), 15_000).unref()
      const drops = [...undropped].map(async (creating) => (await creating).drop())
      void Promise.allSettled(drops).finally(() => process.exit(1))
    })
  }
}

export function clusterSetups(relays: number): Setup[] {
  return [
    { kind: 'samla', label: () => 'Samla, SQLite', launch: () => launchServer('samla') },
    { kind: 'samla', label: () => 'Samla, PostgreSQL', launch: () => launchOnPostgres(1) },
    {
      kind: 'samla',
      label: () => `Samla, ${relays} relays (PostgreSQL + Redis)`,
      launch: () => launchOnPostgres(relays),
    },
  ]
}

export function clusterReport(columns: Column[], relays: number, loadAtStart: number): string {
  const [sqlite, postgres, cluster] = columns
  if (!sqlite || !postgres || !cluster) throw new Error('the cluster report needs its three columns')
  const { fanOut: f, joinStorm: j } = SIZES
  return renderReport(
    columns,
    [
      `Scale ${SCALE}. Fan-out: ${f.clients} clients, ${f.notes} notes + ` +
        `${f.keystrokes} keystrokes at ${f.perSecond}/s. Join storm: ${j.clients} joiners, ${j.notes} notes.`,
      `Machine: ${os.cpus().length} cores, Node ${process.version}, 1-minute load average ${loadAtStart.toFixed(1)} ` +
        `at the start and ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end. The relays, PostgreSQL, Redis and ` +
        'the clients all share these cores.',
      `The ${relays} relays are ${relays} processes with one fresh PostgreSQL database, one Redis prefix and one ` +
        'secret. Clients connect straight to the relays, round-robin (client i to relay i mod ' +
        `${relays}); no load balancer, so this measures the relays, not a proxy. Each scenario starts fresh ` +
        'relays on a fresh database.',
      'Fan-out: the writer is client 0, on the first relay; "cross-relay receivers" are those on the other ' +
        'relays (about two thirds), whose every change went writer → first relay → PostgreSQL commit → Redis → ' +
        'another relay → receiver. Its ratio is to the p99 of all receivers of one relay on SQLite.',
      'Join storm: the board is filled through the first relay (the preparer stays connected there) and the ' +
        'joiners spread round-robin. On the cluster it runs twice, on two boards: with a watcher on every relay ' +
        '(the board open everywhere, as in a workshop under way with people on every relay, and as the one ' +
        "relay's board is loaded by its preparer): the target's comparison; and open on the first relay only, " +
        'so the others load it from PostgreSQL when their first joiner arrives, within the time measured.',
      'Server CPU is summed over the relay processes; PostgreSQL and Redis are not counted.',
    ],
    { ratios: clusterRatioTable(sqlite, postgres, cluster), measuredOnly: true },
  )
}

/**
 * `pnpm bench:relay`: runs every scenario against Samla's relay, the stock y-websocket 2.1.0
 * server and Hocuspocus, each scenario in a fresh server child process on 127.0.0.1, with all
 * clients in this process (the light ones on worker threads, client-pool.ts). Progress goes to
 * stderr; the markdown report to stdout.
 * BENCH_SCALE=0.1 for a smoke run; BENCH_SERVERS=samla,hocuspocus and BENCH_SCENARIOS=burst,join-storm
 * for a subset. `pnpm bench:relay -- --cluster 3` measures Samla clustered instead (cluster.ts): the
 * join storm and the fan-out against one relay on SQLite, one on PostgreSQL and 3 relays as one.
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { clusterReport, clusterSetups, dropDatabasesOnInterrupt, type Setup } from './cluster.js'
import { CLIENT_THREADS, SCALE, SCENARIOS, type ScenarioName, SERVERS, SIZES, WARM_UP_SIZES } from './config.js'
import type { ServerKind } from './ipc.js'
import { burst } from './scenarios/burst.js'
import { fanOut } from './scenarios/fan-out.js'
import { joinStorm } from './scenarios/join-storm.js'
import { manyBoards } from './scenarios/many-boards.js'
import { launchServer, type ServerUnderTest } from './servers.js'
import { type Column, type Results, renderReport } from './table.js'

const RUNNERS: Record<ScenarioName, (server: ServerUnderTest) => Promise<Results>> = {
  'fan-out': fanOut,
  burst,
  'join-storm': joinStorm,
  'many-boards': manyBoards,
}

const NAMES: Record<ServerKind, string> = { samla: 'Samla', 'y-websocket': 'y-websocket', hocuspocus: 'Hocuspocus' }

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
// Every stock WebsocketProvider adds a process 'exit' listener; hundreds at once are expected here.
process.setMaxListeners(0)

/** Runs the short scenarios small and untimed against every setup before anything is measured. */
async function warmUp(setups: Setup[]): Promise<void> {
  for (const setup of setups) {
    let server: ServerUnderTest | undefined
    try {
      server = await setup.launch()
      await fanOut(server, WARM_UP_SIZES.fanOut)
      await burst(server, WARM_UP_SIZES.burst)
      await joinStorm(server, WARM_UP_SIZES.joinStorm)
    } catch (error) {
      log(
        `warm-up against ${setup.label(server?.version ?? '')} failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    } finally {
      await server?.stop()
    }
  }
}

/** Every scenario against every setup, each in a fresh server: a column per setup. */
async function measure(setups: Setup[], scenarios: ScenarioName[]): Promise<Column[]> {
  await warmUp(setups)
  log('warm-up done')
  const columns: Column[] = []
  for (const setup of setups) {
    const column: Column = { kind: setup.kind, label: setup.label(''), results: {}, errors: [] }
    columns.push(column)
    for (const name of scenarios) {
      const started = performance.now()
      let server: ServerUnderTest | undefined
      try {
        server = await setup.launch()
        column.label = setup.label(server.version)
        Object.assign(column.results, await RUNNERS[name](server))
      } catch (error) {
        column.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await server?.stop()
      }
      log(`${column.label}: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
  }
  return columns
}

// `pnpm bench:relay -- --cluster 3` hands the script a leading `--`.
const args = process.argv.slice(2)
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: { cluster: { type: 'string' } },
})
const loadAtStart = os.loadavg()[0] ?? 0
if (values.cluster !== undefined) {
  const relays = Number(values.cluster)
  if (!Number.isInteger(relays) || relays < 2 || relays > 8)
    throw new Error(`--cluster takes 2 to 8 relays, got ${values.cluster}`)
  const scenarios = SCENARIOS.filter((name) => name === 'join-storm' || name === 'fan-out')
  dropDatabasesOnInterrupt()
  console.log(clusterReport(await measure(clusterSetups(relays), scenarios), relays, loadAtStart))
  process.exit(0)
}

const references: Setup[] = SERVERS.map((kind) => ({
  kind,
  label: (version) => `${NAMES[kind]} ${version}`.trim(),
  launch: () => launchServer(kind),
}))
const columns = await measure(references, SCENARIOS)
const { fanOut: f, burst: b, joinStorm: j, manyBoards: m } = SIZES
console.log(
  renderReport(columns, [
    `Scale ${SCALE}. Fan-out: ${f.clients} clients, ${f.notes} notes + ${f.keystrokes} keystrokes at ${f.perSecond}/s. ` +
      `Burst: ${b.keystrokes} keystrokes to ${b.receivers} receivers. Join storm: ${j.clients} joiners, ${j.notes} notes. ` +
      `Many boards: ${m.boards} boards × ${m.notesPerBoard} notes.`,
    `Machine: ${os.cpus().length} cores, Node ${process.version}, 1-minute load average ` +
      `${loadAtStart.toFixed(1)} at the start and ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end ` +
      '(anything else running on the machine skews these numbers). After an untimed warm-up pass against every ' +
      'server (without it, whichever server is measured first pays for JIT-compiling the clients: ~10× its fan-out ' +
      'p99), each scenario gets a fresh server child process. All clients run in this one process: the stock ' +
      `ones on its main thread, the light ones of the burst and the join storm spread over ${CLIENT_THREADS} worker ` +
      'threads (BENCH_CLIENT_THREADS), the same for every server. "Client busy" is the CPU of this whole process ' +
      '(all threads) in % of one core; with 2 cores, the server and the clients share them.',
    'Server CPU is user + system time of the server process (process.cpuUsage in the child); RSS is read after a full GC.',
    'Stock clients (fan-out, many boards, the burst writer, the join-storm preparer and probe): y-websocket 3.x ' +
      'WebsocketProvider for Samla and y-websocket, HocuspocusProvider for Hocuspocus. The burst receivers and the ' +
      'join-storm joiners are protocol-level clients (light-client.ts), the same code for every server: the same ' +
      'handshake and awareness as a stock provider, but nothing is applied to a Y.Doc (a stock provider takes ~250 ms ' +
      'and ~30 MB per 5,000-note board, and 50 stock receivers made the burst measure the client process rather ' +
      'than the server). A burst receiver reads the clock range of every update it gets (Y.parseUpdateMeta) and ' +
      "counts the writer's changes it holds without a gap; a joiner keeps its sync step 2 update, and a stock probe " +
      'confirms the board first, and every kept update is checked after the clock stops. Every server runs with its ' +
      'default settings (Samla: SQLite in a temp dir, pino silent).',
    'y-websocket 2.1.0 without YPERSISTENCE never unloads a document (bin/utils.cjs deletes from `docs` only when ' +
      'persisting), so its rooms stay open; Hocuspocus without storage hooks unloads on the last disconnect.',
  ]),
)
// Every wait above is bounded and every client destroyed; exit even if a library left a timer behind.
process.exit(0)

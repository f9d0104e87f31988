/**
 * `pnpm bench:import-stall`: how long a board import of the largest allowed size holds up the relay's
 * event loop. The reference is the same import built on the main thread, as the relay did before
 * imports moved to a worker (parsing, checking and building the board's Yjs state at once); then the
 * relay itself, in this process on port 0, is sent the same body over HTTP. The event loop's delay is
 * sampled every 10 ms throughout (perf_hooks monitorEventLoopDelay): its maximum is the longest stall
 * a websocket client on another board would have felt. BENCH_RUNS=3 by default; BENCH_NOTE_LENGTH=20
 * (characters of each note's text: short notes are the most notes, the most work, per byte).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pino } from 'pino'
import { createRelay, DEFAULT_LIMITS } from '../src/index.js'
import { buildNewBoard } from '../src/http/new-board.js'
import { largeImportBody } from '../test/large-import.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

interface Sample {
  maxStallMs: number
  p99StallMs: number
  totalMs: number
}

async function measure(work: () => Promise<void>): Promise<Sample> {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  // Let the previous run's garbage go first, so each run starts alike.
  globalThis.gc?.()
  await new Promise((resolve) => setTimeout(resolve, 200))
  delay.enable()
  const started = performance.now()
  await work()
  const totalMs = performance.now() - started
  // One more sample after the work, so a stall at its very end is counted.
  await new Promise((resolve) => setTimeout(resolve, 30))
  delay.disable()
  return { maxStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, totalMs }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const row = (name: string, samples: Sample[]) =>
  `| ${name} | ${median(samples.map((s) => s.maxStallMs)).toFixed(0)} (${Math.max(...samples.map((s) => s.maxStallMs)).toFixed(0)}) | ${median(samples.map((s) => s.p99StallMs)).toFixed(0)} | ${median(samples.map((s) => s.totalMs)).toFixed(0)} |`

const body = largeImportBody(DEFAULT_LIMITS.maxImportBytes - 1024, {
  textLength: Number(process.env.BENCH_NOTE_LENGTH ?? 20),
})
const bytes = Buffer.byteLength(body)
if (bytes > DEFAULT_LIMITS.maxImportBytes) throw new Error(`the body is over maxImportBytes (${bytes})`)
log(`import body: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${body.split('"id":"note-').length - 1} notes`)

const inline: Sample[] = []
for (let run = 0; run < RUNS; run++) {
  inline.push(
    await measure(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      const built = buildNewBoard(Buffer.from(body), Date.now())
      if (!built.ok) throw new Error(built.refusal.message)
    }),
  )
  log(`main thread, run ${run + 1}: ${inline.at(-1)?.maxStallMs.toFixed(0)} ms`)
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-import-stall-'))
const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, logger: pino({ level: 'warn' }) })
const worker: Sample[] = []
const rssBefore = process.memoryUsage().rss
for (let run = 0; run < RUNS; run++) {
  worker.push(
    await measure(async () => {
      const res = await fetch(`${relay.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      if (res.status !== 201) throw new Error(`the relay answered ${res.status}: ${await res.text()}`)
    }),
  )
  log(`relay with the import worker, run ${run + 1}: ${worker.at(-1)?.maxStallMs.toFixed(0)} ms`)
}
const rssAfter = process.memoryUsage().rss
await relay.close()
fs.rmSync(dataDir, { recursive: true, force: true })

process.stdout.write(
  [
    `Import of ${(bytes / 1024 / 1024).toFixed(1)} MiB (maxImportBytes ${DEFAULT_LIMITS.maxImportBytes / 1024 / 1024} MiB), ${RUNS} runs, load average ${os.loadavg()[0]?.toFixed(1)}:`,
    '',
    '| where the import is built | longest stall, median (max) ms | p99 loop delay ms | time to the answer ms |',
    '| --- | ---: | ---: | ---: |',
    row('main thread (as before)', inline),
    row('relay, import worker (now)', worker),
    '',
    `Resident memory of the process (main thread and worker) after the relay's runs: +${((rssAfter - rssBefore) / 1024 / 1024).toFixed(0)} MiB.`,
    '',
  ].join('\n'),
)

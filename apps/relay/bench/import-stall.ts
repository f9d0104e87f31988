/**
 * `pnpm bench:import-stall`: how long a board import of the largest allowed size holds up the relay's
 * event loop. Each run is a fresh process (import-stall-child.ts) that samples its own event loop's
 * delay every 10 ms (perf_hooks monitorEventLoopDelay): its maximum is the longest stall a websocket
 * client on another board would have felt. The reference builds the import on the process's main
 * thread, as the relay did before imports moved to a worker (parsing, checking and building the board's
 * Yjs state at once); then the relay itself is sent the same body over HTTP, from this process.
 * BENCH_RUNS=3 by default. The body holds as many notes as a board may (maxNotesPerBoard), their text
 * as long as fills maxImportBytes; BENCH_NOTE_LENGTH sets the text's length instead.
 */
import { type ChildProcess, fork } from 'node:child_process'
import os from 'node:os'
import { DEFAULT_LIMITS } from '../src/index.js'
import { stallBody } from './import-stall-body.js'
import type { StallChildMessage, StallParentMessage } from './import-stall-child.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CHILD = new URL('./import-stall-child.ts', import.meta.url).pathname
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

interface Sample {
  maxStallMs: number
  p99StallMs: number
  totalMs: number
}

function next<T extends StallChildMessage['type']>(child: ChildProcess, type: T) {
  return new Promise<Extract<StallChildMessage, { type: T }>>((resolve, reject) => {
    const onMessage = (message: StallChildMessage) => {
      if (message.type !== type) return
      child.off('message', onMessage)
      resolve(message as Extract<StallChildMessage, { type: T }>)
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before "${type}"`)))
  })
}

/** One run in a fresh child: `work` gets the relay's address (or '' in main-thread mode). */
async function run(
  mode: 'relay' | 'main-thread',
  work: (url: string, child: ChildProcess) => Promise<void>,
): Promise<Sample> {
  const child = fork(CHILD, [mode], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const send = (message: StallParentMessage) => child.send(message)
  try {
    const { url } = await next(child, 'ready')
    const started = next(child, 'started')
    send({ type: 'start' })
    await started
    const begin = performance.now()
    await work(url, child)
    const totalMs = performance.now() - begin
    // A few more samples after the work, so a stall at its very end is counted.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const stopped = next(child, 'stopped')
    send({ type: 'stop' })
    const { maxStallMs, p99StallMs, buildMs } = await stopped
    return { maxStallMs, p99StallMs, totalMs: buildMs ?? totalMs }
  } finally {
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const row = (name: string, samples: Sample[]) =>
  `| ${name} | ${median(samples.map((s) => s.maxStallMs)).toFixed(0)} (${Math.min(...samples.map((s) => s.maxStallMs)).toFixed(0)}–${Math.max(...samples.map((s) => s.maxStallMs)).toFixed(0)}) | ${median(samples.map((s) => s.p99StallMs)).toFixed(0)} | ${median(samples.map((s) => s.totalMs)).toFixed(0)} |`

const body = stallBody()
const bytes = Buffer.byteLength(body)
if (bytes > DEFAULT_LIMITS.maxImportBytes) throw new Error(`the body is over maxImportBytes (${bytes})`)
log(`import body: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${body.split('"id":"note-').length - 1} notes`)
const loadBefore = os.loadavg()[0] ?? 0

const inline: Sample[] = []
const worker: Sample[] = []
const idle: Sample[] = []
// Interleaved, so a change in the machine's load falls on both alike.
for (let i = 0; i < RUNS; i++) {
  // The main-thread build runs in the child, 20 ms after `start`, on a body it made itself.
  inline.push(await run('main-thread', (_, child) => next(child, 'built').then(() => undefined)))
  log(`main thread, run ${i + 1}: longest stall ${inline.at(-1)?.maxStallMs.toFixed(0)} ms`)
  worker.push(
    await run('relay', async (url) => {
      const res = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      if (res.status !== 201) throw new Error(`the relay answered ${res.status}: ${await res.text()}`)
    }),
  )
  log(`relay with the import worker, run ${i + 1}: longest stall ${worker.at(-1)?.maxStallMs.toFixed(0)} ms`)
  // The machine's own noise: the same relay doing nothing for as long.
  const quiet = worker.at(-1)?.totalMs ?? 0
  idle.push(await run('relay', () => new Promise((resolve) => setTimeout(resolve, quiet))))
  log(`relay idle, run ${i + 1}: longest stall ${idle.at(-1)?.maxStallMs.toFixed(0)} ms`)
}

process.stdout.write(
  [
    `Import of ${(bytes / 1024 / 1024).toFixed(1)} MiB (maxImportBytes ${DEFAULT_LIMITS.maxImportBytes / 1024 / 1024} MiB), ${RUNS} runs each, load average ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}:`,
    '',
    '| where the import is built | longest event-loop stall, median (range) ms | p99 loop delay ms | time to build (before) / to the 201 (now) ms |',
    '| --- | ---: | ---: | ---: |',
    row('main thread (as before)', inline),
    row('relay with the import worker (now)', worker),
    row('relay idle as long (the machine’s own noise)', idle),
    '',
  ].join('\n'),
)

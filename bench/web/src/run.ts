/**
 * `pnpm bench:web`: Samla's web app against Excalidraw on the same boards of sticky notes, in
 * headless Chromium on this machine. Builds both, starts Samla's relay in this process and a static
 * server for the Excalidraw page (both on 127.0.0.1), fills each Samla board from Node, measures
 * both apps side by side (interleaved step by step), then traces Samla on the largest board to
 * show where its time goes.
 * Progress goes to stderr; the markdown report to stdout.
 */
import os from 'node:os'
import { log, SIZES } from './config.js'
import { buildExcalidrawPage, type StaticServer, serveExcalidrawPage } from './excalidraw/server.js'
import { excalidrawDriver } from './excalidraw/driver.js'
import { measureBaseline } from './measure/baseline.js'
import { measureApps, type Step } from './measure/run-app.js'
import { type TraceSummary, type TracedSteps, traced } from './measure/trace.js'
import { gridNotes } from './notes.js'
import { renderReport, type SizeResults } from './report.js'
import { createBoard, fillBoard } from './samla/boards.js'
import { samlaDriver } from './samla/driver.js'
import { startSamla } from './samla/relay.js'

/** The whole run must end by itself, whatever hangs. */
const RUN_DEADLINE_MS = 15 * 60_000
setTimeout(() => {
  log(`gave up after ${RUN_DEADLINE_MS / 60_000} minutes`)
  process.exit(1)
}, RUN_DEADLINE_MS).unref()
// Every stock WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0)

const started = performance.now()
const loadAtStart = os.loadavg()[0] ?? 0
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`
log('building Samla web app and the Excalidraw page')
const samla = await startSamla()
const boards = new Map(SIZES.map((size) => [size, gridNotes(size)]))
const results: SizeResults[] = []
let traces: TracedSteps | null = null
let excalidraw: StaticServer | undefined
try {
  await buildExcalidrawPage()
  excalidraw = await serveExcalidrawPage(boards)
  const baseline = await measureBaseline()
  for (const [size, notes] of boards) {
    const board = await createBoard(samla.relay.url, `Bench ${size}`)
    const collaborator = await fillBoard(samla.relay.url, board, notes)
    log(`${size} notes written and seen by a second client (${elapsed()})`)
    try {
      const samlaDrv = samlaDriver(samla.relay.url, board, notes, collaborator)
      const excalidrawDrv = excalidrawDriver(excalidraw.url, notes)
      const [samlaResults, excalidrawResults] = await measureApps([samlaDrv, excalidrawDrv])
      if (!samlaResults || !excalidrawResults) throw new Error('an app returned no results')
      log(`Samla and Excalidraw measured on ${size} notes (${elapsed()})`)
      results.push({ size, samla: samlaResults, excalidraw: excalidrawResults })
      if (size === Math.max(...SIZES)) {
        const steps: Partial<Record<Step, TraceSummary>> = {}
        await measureApps([samlaDrv], {
          repeats: 1,
          loads: 1,
          observe: async (step, bench, run) => {
            const [result, summary] = await traced(bench.browser, bench.page, run)
            steps[step] = summary
            return result
          },
        })
        traces = { label: `Samla (${size.toLocaleString('en-GB')} notes)`, steps }
        log(`Samla traced on ${size} notes (${elapsed()})`)
      }
    } finally {
      collaborator.destroy()
    }
  }
  const machine = { cores: os.cpus().length, loadAtStart, loadAtEnd: os.loadavg()[0] ?? 0 }
  process.stdout.write(renderReport(results, { baseline, machine }, traces))
} finally {
  await excalidraw?.close()
  await samla.close()
}
log(`done in ${elapsed()}`)

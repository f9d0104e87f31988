/**
 * One side of `pnpm bench:import-stall`, in a process of its own so that nothing but the measured work
 * runs on its event loop: `relay` starts Samla's relay on port 0 (the parent sends it the import over
 * HTTP), `main-thread` builds the same import on its main thread, as the relay did before the worker.
 * Between `start` and `stop` it samples its event loop's delay every 10 ms.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pino } from 'pino'
import { buildNewBoard } from '../src/http/new-board.js'
import { createRelay } from '../src/index.js'
import { STALL_LIMITS, stallBody } from './import-stall-body.js'

export type StallChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'started' }
  | { type: 'built' }
  | { type: 'stopped'; maxStallMs: number; p99StallMs: number; buildMs: number | null }

export type StallParentMessage = { type: 'start' } | { type: 'stop' }

const mode = process.argv[2]
const body = mode === 'main-thread' ? Buffer.from(stallBody()) : null
const send = (message: StallChildMessage) => process.send?.(message)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-import-stall-'))
const relay =
  mode === 'relay' ? await createRelay({ port: 0, host: '127.0.0.1', dataDir, logger: pino({ level: 'warn' }) }) : null
const delay = monitorEventLoopDelay({ resolution: 10 })
let buildMs: number | null = null

process.on('message', (message: StallParentMessage) => {
  if (message.type === 'start') {
    globalThis.gc?.()
    delay.reset()
    delay.enable()
    send({ type: 'started' })
    if (body) {
      // A moment first, so the loop has been sampled before the stall begins.
      setTimeout(() => {
        const begin = performance.now()
        const built = buildNewBoard(body, Date.now(), STALL_LIMITS)
        buildMs = performance.now() - begin
        if (!built.ok) throw new Error(built.refusal.message)
        send({ type: 'built' })
      }, 20)
    }
  } else {
    delay.disable()
    send({ type: 'stopped', maxStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, buildMs })
    void relay?.close().then(() => {
      fs.rmSync(dataDir, { recursive: true, force: true })
      process.exit(0)
    })
    if (!relay) process.exit(0)
  }
})
send({ type: 'ready', url: relay?.url ?? '' })

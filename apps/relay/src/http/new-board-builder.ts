/**
 * Builds new boards from creation bodies without blocking the event loop: a small body (no import, or
 * a tiny one) is built at once; a larger one goes to a worker thread, started on first use and kept
 * for the next, one body at a time. A queue past its bound is refused, so a flood of imports waits in
 * nobody's memory. A worker that dies (out of memory, say) fails only the bodies it held.
 */
import { Worker } from 'node:worker_threads'
import { buildNewBoard, type NewBoardLimits, type NewBoardResult } from './new-board.js'
import type { BuildReply, BuildRequest } from './new-board-worker.js'

export interface NewBoardBuilder {
  build(body: Buffer, createdAt: number): Promise<NewBoardResult>
  close(): Promise<void>
}

export interface NewBoardBuilderOptions {
  /** Bodies up to this size are built inline: parsing them takes well under a millisecond. */
  inlineUpToBytes: number
  /** Bodies waiting for or in the worker; one more is refused with 503 `imports-busy`. */
  maxQueued: number
  /** What one board may hold; an import past it is refused (413 `import-too-large`). */
  limits: NewBoardLimits
}

const WORKER = new URL('./new-board-worker-boot.mjs', import.meta.url)

const BUSY: NewBoardResult = {
  ok: false,
  refusal: {
    status: 503,
    code: 'imports-busy',
    message: 'Too many boards are being imported right now; try again shortly',
  },
}

interface Waiting {
  resolve: (result: NewBoardResult) => void
  reject: (error: Error) => void
}

export function createNewBoardBuilder(options: NewBoardBuilderOptions): NewBoardBuilder {
  let worker: Worker | null = null
  const waiting = new Map<number, Waiting>()
  let nextId = 1

  const failAll = (error: Error) => {
    for (const entry of waiting.values()) entry.reject(error)
    waiting.clear()
  }

  function started(): Worker {
    if (worker) return worker
    const thread = new Worker(WORKER)
    // An idle worker must not keep the process alive after the relay has closed.
    thread.unref()
    thread.on('message', (reply: BuildReply) => {
      const entry = waiting.get(reply.id)
      waiting.delete(reply.id)
      if ('error' in reply) entry?.reject(new Error(reply.error))
      else entry?.resolve(reply.result)
    })
    thread.on('error', (error) => failAll(error))
    thread.on('exit', (code) => {
      if (worker === thread) worker = null
      failAll(new Error(`the import worker stopped (exit code ${code})`))
    })
    worker = thread
    return thread
  }

  return {
    async build(body, createdAt) {
      if (body.length <= options.inlineUpToBytes) return buildNewBoard(body, createdAt, options.limits)
      if (waiting.size >= options.maxQueued) return BUSY
      const id = nextId++
      const request: BuildRequest = { id, body, createdAt, limits: options.limits }
      return new Promise<NewBoardResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        // A body that owns its memory is handed over rather than copied (it is not used here again).
        const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength
        started().postMessage(request, owned ? [body.buffer as ArrayBuffer] : [])
      })
    },
    async close() {
      const thread = worker
      worker = null
      if (thread) await thread.terminate()
    },
  }
}

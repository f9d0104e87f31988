/**
 * The import worker's entry: builds boards from creation bodies off the relay's main thread, so that
 * parsing and checking a large exported board never holds up the websockets. Each message is one body;
 * each answer carries its id and the result, the state's bytes handed over rather than copied.
 */
import { parentPort } from 'node:worker_threads'
import { buildNewBoard, type NewBoardLimits } from './new-board.js'

export interface BuildRequest {
  id: number
  body: Uint8Array
  createdAt: number
  limits: NewBoardLimits
}

export type BuildReply = { id: number; result: ReturnType<typeof buildNewBoard> } | { id: number; error: string }

const port = parentPort
if (!port) throw new Error('new-board-worker.ts runs as a worker thread')

port.on('message', ({ id, body, createdAt, limits }: BuildRequest) => {
  try {
    const result = buildNewBoard(body, createdAt, limits)
    const reply: BuildReply = { id, result }
    const buffers = result.ok
      ? [result.board.state, ...result.board.parts].map((bytes) => bytes.buffer as ArrayBuffer)
      : []
    port.postMessage(reply, buffers)
  } catch (error) {
    const reply: BuildReply = { id, error: error instanceof Error ? error.message : String(error) }
    port.postMessage(reply)
  }
})

/**
 * The HTTP side of the relay: health, the board API, and the built web app (with a fallback to
 * index.html so that /b/<id> links open the app). Errors are JSON { error, message }.
 */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BoardError, initBoard, MAX_TITLE_LENGTH } from '@samla/board'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import sirv from 'sirv'
import * as Y from 'yjs'
import { isBoardId, newBoardId } from './board-ids.js'
import type { Storage } from './storage/storage.js'

export interface HttpApiOptions {
  storage: Storage
  log: Logger
  webRoot: string
  maxBodyBytes: number
  metrics: Registry
  /** False while storage is closed or the relay is draining. */
  isReady: () => boolean
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) throw new HttpError(413, 'body-too-large', `The request body is over ${maxBytes} bytes`)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
  } catch {
    throw new HttpError(400, 'invalid-json', 'The request body is not valid JSON')
  }
}

export function createHttpApi({ storage, log, webRoot, maxBodyBytes, metrics, isReady }: HttpApiOptions) {
  const serveWeb = fs.existsSync(webRoot) ? sirv(webRoot, { single: true, etag: true }) : null

  function createBoard(body: unknown) {
    const title = (body as { title?: unknown } | null)?.title ?? ''
    if (typeof title !== 'string') throw new HttpError(400, 'invalid-title', 'title must be a string')
    const doc = new Y.Doc()
    const createdAt = Date.now()
    try {
      initBoard(doc, { title, now: createdAt })
    } catch (error) {
      if (error instanceof BoardError) {
        throw new HttpError(400, error.code, `A board title is at most ${MAX_TITLE_LENGTH} characters`)
      }
      throw error
    }
    const board = { id: newBoardId(), title: title.trim(), createdAt }
    storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    log.info({ room: board.id }, 'board created')
    return board
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relay')
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' })
    if (url.pathname === '/readyz') {
      return isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'draining' })
    }
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.contentType })
      res.end(await metrics.metrics())
      return
    }
    if (url.pathname === '/api/boards' && req.method === 'POST') {
      return sendJson(res, 201, createBoard(await readJson(req, maxBodyBytes)))
    }
    const match = /^\/api\/boards\/([^/]+)$/.exec(url.pathname)
    if (match && req.method === 'GET') {
      const id = decodeURIComponent(match[1] ?? '')
      if (!isBoardId(id)) throw new HttpError(400, 'invalid-board-id', 'That is not a valid board id')
      const board = storage.getBoard(id)
      if (!board) throw new HttpError(404, 'board-not-found', 'No board with that id')
      return sendJson(res, 200, board)
    }
    if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'not-found', 'No such API endpoint')
    if (!serveWeb) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The web app is not built. Run `pnpm build` and restart the relay.\n')
      return
    }
    serveWeb(req, res)
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await route(req, res)
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.code, message: error.message })
      log.error({ err: error, path: req.url }, 'request failed')
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'Something went wrong in the relay' })
    }
  }
}

/**
 * The HTTP plumbing the API's routes share: refusals as JSON with a code the web app reads, bodies
 * read within a size, path parts decoded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BoardErrorCode } from '@samla/board'
import type { ApiError } from '@samla/protocol'

/** A path segment without its percent-escapes; a malformed escape is a bad request, not a relay fault. */
export function decodedPathPart(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, 'invalid-board-id', 'That is not a valid board id')
  }
}

/** A refusal answered as JSON; a board that could not be built passes its BoardError's code through. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiError | BoardErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(body === undefined ? undefined : JSON.stringify(body))
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > maxBytes) throw new HttpError(413, 'body-too-large', `The request body is over ${maxBytes} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) throw new HttpError(413, 'body-too-large', `The request body is over ${maxBytes} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes)
  try {
    return JSON.parse(body.toString('utf8') || '{}')
  } catch {
    throw new HttpError(400, 'invalid-json', 'The request body is not valid JSON')
  }
}

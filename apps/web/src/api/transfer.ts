/**
 * One request to the relay's API with progress both ways. XMLHttpRequest rather than fetch because
 * only it reports upload progress (a large board file) as well as download progress. The token goes
 * in the Authorization header, never in the URL. A refusal becomes a RelayError carrying the
 * relay's error code and its plain message.
 */
import { bearer } from './http'

export interface Progress {
  readonly direction: 'up' | 'down'
  readonly loaded: number
  /** Null when the size is not known in advance. */
  readonly total: number | null
}

export class RelayError extends Error {
  constructor(
    readonly status: number,
    /** The relay's error code, or `unreachable` when no answer came at all. */
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'RelayError'
  }
}

interface TransferOptions {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly token?: string
  /** Sent as a JSON body. */
  readonly json?: unknown
  readonly onProgress?: (progress: Progress) => void
  readonly signal?: AbortSignal
}

interface TransferResult {
  readonly body: Blob
  header(name: string): string | null
}

/** Reads the relay's `{ error, message }` answer; anything else still yields a code and a message. */
export async function readRelayError(status: number, body: { text(): Promise<string> }): Promise<RelayError> {
  const parsed = await body
    .text()
    .then((text) => JSON.parse(text) as { error?: unknown; message?: unknown } | null)
    .catch(() => null)
  const code = typeof parsed?.error === 'string' ? parsed.error : `http-${status}`
  const message = typeof parsed?.message === 'string' ? parsed.message : `The relay answered HTTP ${status}`
  return new RelayError(status, code, message)
}

export function transfer(options: TransferOptions): Promise<TransferResult> {
  const { method, url, token, json, onProgress, signal } = options
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    xhr.responseType = 'blob'
    if (token) for (const [name, value] of Object.entries(bearer(token))) xhr.setRequestHeader(name, value)
    if (json !== undefined) xhr.setRequestHeader('content-type', 'application/json')
    const report = (direction: Progress['direction']) => (event: ProgressEvent) =>
      onProgress?.({ direction, loaded: event.loaded, total: event.lengthComputable ? event.total : null })
    if (onProgress) {
      xhr.upload.onprogress = report('up')
      xhr.onprogress = report('down')
    }
    const onAbort = () => xhr.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    xhr.onloadend = () => {
      signal?.removeEventListener('abort', onAbort)
      if (signal?.aborted) reject(signal.reason)
      else if (xhr.status === 0) reject(new RelayError(0, 'unreachable', 'The relay could not be reached'))
      else if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ body: xhr.response as Blob, header: (name) => xhr.getResponseHeader(name) })
      } else {
        readRelayError(xhr.status, xhr.response as Blob).then(reject, reject)
      }
    }
    xhr.send(json === undefined ? null : JSON.stringify(json))
  })
}

/** The answer of a JSON endpoint, parsed (still to be checked by the caller). */
export async function transferJson(options: TransferOptions): Promise<unknown> {
  const { body } = await transfer(options)
  return JSON.parse(await body.text())
}

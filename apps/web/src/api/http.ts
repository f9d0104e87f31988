/**
 * What every call to the relay's board API shares: the bearer header carrying a board link's token
 * (a header, so the token never appears in a URL or a server's access log) and reading the
 * relay's refusals as one of the plain reasons the UI can explain.
 */
import type { ApiError, TokenRefusal } from '@samla/protocol'

/** Why a link no longer opens its board: the relay's refusal, or the board erased while open (a close code). */
export type AccessProblem = TokenRefusal | Extract<ApiError, 'board-not-found'> | 'board-deleted'

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, accept: 'application/json' }
}

export function boardUrl(boardId: string, ...rest: string[]): string {
  return `/api/boards/${[boardId, ...rest].map(encodeURIComponent).join('/')}`
}

async function errorCode(response: Response): Promise<unknown> {
  try {
    return ((await response.json()) as { error?: unknown } | null)?.error
  } catch {
    return undefined
  }
}

/** The refusal in a response, or null when the status is not one (a 5xx, say, is "unreachable", not "refused"). */
export async function accessProblem(response: Response): Promise<AccessProblem | null> {
  // The relay answers 400 for an id that cannot exist at all; for the person it is the same: no such board.
  if (response.status === 404 || response.status === 400) return 'board-not-found'
  if (response.status === 403) return 'other-board'
  if (response.status !== 401) return null
  const code = await errorCode(response)
  return code === 'missing-token' || code === 'link-rotated' ? code : 'invalid-token'
}

/** The name a Content-Disposition header gives, preferring the UTF-8 form (å, ä, ö kept). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // A malformed escape falls back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header)
  return plain?.[1]?.trim() || null
}

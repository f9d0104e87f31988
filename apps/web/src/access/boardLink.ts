/**
 * Board links: `/b/<boardId>#token=<token>`. The token lives only in the fragment, which browsers
 * never send to a server, not in requests and not in Referer headers.
 */
import { boardPath } from '../lib/router'

/** Tokens are opaque to the client; this only keeps garbage (spaces, markup, megabytes) out. */
const TOKEN_PATTERN = /^[\x21-\x7e]{1,1024}$/

/** The path and fragment of a board link, for navigating inside the app. */
export function boardLinkPath(boardId: string, token: string): string {
  return `${boardPath(boardId)}#${new URLSearchParams({ token })}`
}

/** The absolute link to share. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}${boardLinkPath(boardId, token)}`
}

export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')
  return token !== null && TOKEN_PATTERN.test(token) ? token : null
}

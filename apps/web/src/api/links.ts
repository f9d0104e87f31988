/**
 * A board's three links as the relay hands them to its facilitator: reading them, replacing one, and
 * the participant link's short join code.
 */
import { isJoinCode } from '@samla/board'
import { type BoardLinks, parseBoardLinks, parseRotatedToken, type RotatableRole } from '@samla/protocol'
import { bearer, boardUrl } from './http'

export async function fetchLinks(boardId: string, token: string, signal: AbortSignal): Promise<BoardLinks> {
  const response = await fetch(boardUrl(boardId, 'links'), { headers: bearer(token), signal })
  if (!response.ok) throw new Error(`Reading the links failed with HTTP ${response.status}`)
  const links = parseBoardLinks(await response.json())
  if (!links) throw new Error('The relay answered with malformed links')
  return links
}

/** Replaces a link: the old token stops working at once. Resolves to the new token. */
export async function rotateLink(boardId: string, role: RotatableRole, token: string): Promise<string> {
  const response = await fetch(boardUrl(boardId, 'links', role, 'rotate'), { method: 'POST', headers: bearer(token) })
  if (!response.ok) throw new Error(`Replacing the link failed with HTTP ${response.status}`)
  const next = parseRotatedToken(await response.json())
  if (!next) throw new Error('The relay answered with a malformed link')
  return next
}

/** The participant link's short join code (`/j/<code>`), which the relay makes on the first ask. */
export async function fetchJoinCode(boardId: string, token: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(boardUrl(boardId, 'join-code'), { headers: bearer(token), signal })
  if (!response.ok) throw new Error(`Reading the join code failed with HTTP ${response.status}`)
  const code = ((await response.json()) as { code?: unknown } | null)?.code
  if (!isJoinCode(code)) throw new Error('The relay answered with a malformed join code')
  return code
}

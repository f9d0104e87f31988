/** A board's three links as the relay hands them to its facilitator: reading them, and replacing one. */
import { bearer, boardUrl } from './http'

export interface BoardLinks {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

/** Only these two can be replaced; the facilitator link is the board's key. */
export type RotatableRole = 'participant' | 'viewer'

function isToken(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

export function parseBoardLinks(value: unknown): BoardLinks | null {
  if (value === null || typeof value !== 'object') return null
  const { facilitator, participant, viewer } = value as Record<string, unknown>
  return isToken(facilitator) && isToken(participant) && isToken(viewer) ? { facilitator, participant, viewer } : null
}

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
  const next = ((await response.json()) as { token?: unknown } | null)?.token
  if (!isToken(next)) throw new Error('The relay answered with a malformed link')
  return next
}

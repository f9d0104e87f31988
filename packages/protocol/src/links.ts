/** A board's three links as the relay hands them to its facilitator, and which of them can be replaced. */
export interface BoardLinks {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

/**
 * Every link can be replaced. Replacing the facilitator's (the board's key) hands the new one to the
 * facilitator who asked, and shuts out everyone still holding the old one.
 */
export const ROTATABLE_ROLES = ['participant', 'viewer', 'facilitator'] as const
export type RotatableRole = (typeof ROTATABLE_ROLES)[number]

function isToken(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** The links in an answer, or null when any is missing (answers are checked, never trusted). */
export function parseBoardLinks(value: unknown): BoardLinks | null {
  if (value === null || typeof value !== 'object') return null
  const { facilitator, participant, viewer } = value as Record<string, unknown>
  return isToken(facilitator) && isToken(participant) && isToken(viewer) ? { facilitator, participant, viewer } : null
}

/** The token in a rotation's answer `{"token"}`, or null. */
export function parseRotatedToken(value: unknown): string | null {
  const token = (value as { token?: unknown } | null)?.token
  return isToken(token) ? token : null
}

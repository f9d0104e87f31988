/**
 * Capability tokens: `v1.<boardId>.<role>.<generation>.<mac>`, where mac is HMAC-SHA-256 over
 * the rest with the server secret. The generation is per board and role; rotating a link bumps
 * it, which makes every older token of that role invalid at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { isRole, type Role } from '@samla/protocol'
import { isBoardId } from './board-ids.js'

export interface TokenClaims {
  boardId: string
  role: Role
  generation: number
}

export type TokenProblem = 'missing' | 'forged' | 'other-board' | 'rotated'

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; status: 401 | 403; reason: TokenProblem }

function mac(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

export function signToken(secret: Buffer, { boardId, role, generation }: TokenClaims): string {
  const payload = `v1.${boardId}.${role}.${generation}`
  return `${payload}.${mac(secret, payload)}`
}

/** Reads and authenticates a token; does not yet know whether its generation is current. */
export function readToken(secret: Buffer, token: string): TokenClaims | null {
  const parts = token.split('.')
  if (parts.length !== 5 || parts[0] !== 'v1') return null
  const [, boardId = '', role, generationText = '', given = ''] = parts
  const expected = mac(secret, parts.slice(0, 4).join('.'))
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null
  const generation = Number(generationText)
  if (!isBoardId(boardId) || !isRole(role) || !Number.isSafeInteger(generation)) return null
  return { boardId, role, generation }
}

/** Checks a token against the board being opened and the role's current generation. */
export function checkToken(
  secret: Buffer,
  token: string | null | undefined,
  boardId: string,
  currentGeneration: (role: Role) => number | undefined,
): TokenCheck {
  if (!token) return { ok: false, status: 401, reason: 'missing' }
  const claims = readToken(secret, token)
  if (!claims) return { ok: false, status: 401, reason: 'forged' }
  if (claims.boardId !== boardId) return { ok: false, status: 403, reason: 'other-board' }
  if (currentGeneration(claims.role) !== claims.generation) return { ok: false, status: 401, reason: 'rotated' }
  return { ok: true, claims }
}

/**
 * One decision for both HTTP and websocket requests: does this token open this board, and in
 * which role? Unknown boards answer 404 whatever the token, so that ids cannot be probed by
 * comparing answers.
 */
import type { ApiError, Role, TokenRefusal } from '@samla/protocol'
import type { Storage, StoredBoard } from '../storage/storage.js'
import { checkToken, type TokenProblem } from './tokens.js'

export type Access =
  | { ok: true; board: StoredBoard; role: Role }
  | { ok: false; status: 401 | 403 | 404; error: TokenRefusal | Extract<ApiError, 'board-not-found'>; message: string }

const REFUSALS: Record<TokenProblem, { status: 401 | 403; error: TokenRefusal; message: string }> = {
  missing: { status: 401, error: 'missing-token', message: 'This board needs a link with an access token' },
  forged: { status: 401, error: 'invalid-token', message: 'The access token in this link is not valid' },
  rotated: { status: 401, error: 'link-rotated', message: 'This link has been replaced by the facilitator' },
  'other-board': { status: 403, error: 'other-board', message: 'This access token belongs to another board' },
}

export async function authorise(
  storage: Storage,
  secret: Buffer,
  boardId: string,
  token: string | null,
): Promise<Access> {
  const board = await storage.getBoard(boardId)
  if (!board) return { ok: false, status: 404, error: 'board-not-found', message: 'No board with that id' }
  const check = checkToken(secret, token, boardId, (role) => board.generations[role])
  if (!check.ok) return { ok: false, ...REFUSALS[check.reason] }
  return { ok: true, board, role: check.claims.role }
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer (\S+)$/.exec(header ?? '')
  return match?.[1] ?? null
}

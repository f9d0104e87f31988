/**
 * The list of recently opened boards, kept on this device only (localStorage), newest first. Each
 * entry keeps the link's token and role so "open recent board" works again; a board keeps the most
 * capable link seen, so opening the projector link does not cost a facilitator their own.
 */
import { isRole, type Role, roleRank } from '@samla/protocol'
import { readStored, writeStored } from './storage'

export interface RecentBoard {
  readonly id: string
  readonly title: string
  readonly visitedAt: number
  readonly token?: string
  readonly role?: Role
}

const KEY = 'samla.recentBoards'
export const MAX_RECENT_BOARDS = 20

function isRecentBoard(value: unknown): value is RecentBoard {
  if (value === null || typeof value !== 'object') return false
  const entry = value as Record<string, unknown>
  if (typeof entry.id !== 'string' || typeof entry.title !== 'string' || typeof entry.visitedAt !== 'number')
    return false
  if (entry.token === undefined) return entry.role === undefined
  return typeof entry.token === 'string' && isRole(entry.role)
}

/** Reads the stored list defensively: anything malformed is dropped rather than crashing the home page. */
export function parseRecentBoards(raw: string | null): RecentBoard[] {
  if (!raw) return []
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed) ? parsed.filter(isRecentBoard).slice(0, MAX_RECENT_BOARDS) : []
  } catch {
    return []
  }
}

/** A visit with a less capable link keeps the token already known; an equal or better one replaces it. */
function mergeAccess(previous: RecentBoard | undefined, entry: RecentBoard): RecentBoard {
  if (!previous?.token || !previous.role) return entry
  if (entry.token && entry.role && roleRank(entry.role) >= roleRank(previous.role)) return entry
  return { ...entry, token: previous.token, role: previous.role }
}

export function withRecentBoard(list: readonly RecentBoard[], entry: RecentBoard): RecentBoard[] {
  const previous = list.find((board) => board.id === entry.id)
  return [mergeAccess(previous, entry), ...list.filter((board) => board.id !== entry.id)].slice(0, MAX_RECENT_BOARDS)
}

export function loadRecentBoards(): RecentBoard[] {
  return parseRecentBoards(readStored(KEY))
}

export function findRecentBoard(id: string): RecentBoard | undefined {
  return loadRecentBoards().find((board) => board.id === id)
}

export function rememberBoard(entry: RecentBoard): void {
  writeStored(KEY, JSON.stringify(withRecentBoard(loadRecentBoards(), entry)))
}

/** Drops a token the relay refused, so the next working link for the board is remembered instead. */
export function forgetRecentToken(id: string, token: string): void {
  const list = loadRecentBoards().map((board) =>
    board.id === id && board.token === token ? { id: board.id, title: board.title, visitedAt: board.visitedAt } : board,
  )
  writeStored(KEY, JSON.stringify(list))
}

export function forgetRecentBoard(id: string): void {
  writeStored(KEY, JSON.stringify(loadRecentBoards().filter((board) => board.id !== id)))
}

/**
 * The list of recently opened boards, kept on this device only (localStorage), newest first. Each
 * entry keeps the link's token and role so "open recent board" works again; a board keeps the most
 * capable link seen, so opening the projector link does not cost a facilitator their own. A
 * facilitator's link is the board's key: the list keeps it only when the facilitator asked this
 * device to remember the board (`kept`); otherwise it stays in the tab that opened it.
 */
import { isRole, type Role, roleRank } from '@samla/protocol'
import { readStored, writeStored } from './storage'

export interface RecentBoard {
  readonly id: string
  readonly title: string
  readonly visitedAt: number
  readonly token?: string
  readonly role?: Role
  /** The facilitator asked this device to remember the board, facilitator link included. */
  readonly kept?: true
}

const KEY = 'samla.recentBoards'
export const MAX_RECENT_BOARDS = 20

function isRecentBoard(value: unknown): value is RecentBoard {
  if (value === null || typeof value !== 'object') return false
  const entry = value as Record<string, unknown>
  if (typeof entry.id !== 'string' || typeof entry.title !== 'string' || typeof entry.visitedAt !== 'number')
    return false
  if (entry.kept !== undefined && entry.kept !== true) return false
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

/** The entry without its facilitator link (a participant's or viewer's is kept). */
function withoutFacilitatorLink({ kept: _kept, ...board }: RecentBoard): RecentBoard {
  return board.role === 'facilitator' ? { id: board.id, title: board.title, visitedAt: board.visitedAt } : board
}

/**
 * A visit as the list keeps it: a facilitator's token only on a board this device was asked to
 * remember; otherwise any facilitator token the list held for the board is dropped.
 */
export function withVisit(list: readonly RecentBoard[], visit: RecentBoard): RecentBoard[] {
  const kept = list.find((board) => board.id === visit.id)?.kept === true
  if (kept) return withRecentBoard(list, { ...visit, kept })
  if (visit.role !== 'facilitator') return withRecentBoard(list, visit)
  const unkept = list.map((board) => (board.id === visit.id ? withoutFacilitatorLink(board) : board))
  return withRecentBoard(unkept, { id: visit.id, title: visit.title, visitedAt: visit.visitedAt })
}

/** The list once the facilitator asked this device to remember the board, with their current link. */
export function withKeptBoard(
  list: readonly RecentBoard[],
  board: RecentBoard & { readonly token: string },
): RecentBoard[] {
  return withRecentBoard(list, { ...board, role: 'facilitator', kept: true })
}

/** The list once the facilitator no longer wants this device to remember the board's facilitator link. */
export function withoutKeptBoard(list: readonly RecentBoard[], id: string): RecentBoard[] {
  return list.map((board) => (board.id === id ? withoutFacilitatorLink(board) : board))
}

export function loadRecentBoards(): RecentBoard[] {
  return parseRecentBoards(readStored(KEY))
}

export function findRecentBoard(id: string): RecentBoard | undefined {
  return loadRecentBoards().find((board) => board.id === id)
}

/** Notes a visit (see withVisit: a facilitator's link is kept only on a board this device remembers). */
export function rememberBoard(entry: RecentBoard): void {
  writeStored(KEY, JSON.stringify(withVisit(loadRecentBoards(), entry)))
}

export function isBoardKept(id: string): boolean {
  return findRecentBoard(id)?.kept === true
}

/** Remembers the board on this device, facilitator link and all, or stops doing so. */
export function keepBoard(board: RecentBoard & { readonly token: string }, keep: boolean): void {
  const list = loadRecentBoards()
  writeStored(KEY, JSON.stringify(keep ? withKeptBoard(list, board) : withoutKeptBoard(list, board.id)))
}

/** Drops a token the relay refused, so the next working link for the board is remembered instead. */
export function forgetRecentToken(id: string, token: string): void {
  const list = loadRecentBoards().map((board) =>
    board.id === id && board.token === token
      ? { id: board.id, title: board.title, visitedAt: board.visitedAt, ...(board.kept && { kept: board.kept }) }
      : board,
  )
  writeStored(KEY, JSON.stringify(list))
}

export function forgetRecentBoard(id: string): void {
  writeStored(KEY, JSON.stringify(loadRecentBoards().filter((board) => board.id !== id)))
}

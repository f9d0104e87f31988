/** The list of recently opened boards, kept on this device only (localStorage), newest first. */
import { readStored, writeStored } from './storage'

export interface RecentBoard {
  readonly id: string
  readonly title: string
  readonly visitedAt: number
}

const KEY = 'samla.recentBoards'
export const MAX_RECENT_BOARDS = 20

function isRecentBoard(value: unknown): value is RecentBoard {
  if (value === null || typeof value !== 'object') return false
  const entry = value as Record<string, unknown>
  return typeof entry.id === 'string' && typeof entry.title === 'string' && typeof entry.visitedAt === 'number'
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

export function withRecentBoard(list: readonly RecentBoard[], entry: RecentBoard): RecentBoard[] {
  return [entry, ...list.filter((board) => board.id !== entry.id)].slice(0, MAX_RECENT_BOARDS)
}

export function loadRecentBoards(): RecentBoard[] {
  return parseRecentBoards(readStored(KEY))
}

export function rememberBoard(entry: RecentBoard): void {
  writeStored(KEY, JSON.stringify(withRecentBoard(loadRecentBoards(), entry)))
}

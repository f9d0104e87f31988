/** The relay's small HTTP API for boards: create one, look one up. Responses are checked, never trusted. */
export interface BoardInfo {
  readonly id: string
  readonly title: string
  readonly createdAt: number
}

export type BoardLookup =
  | { readonly kind: 'found'; readonly board: BoardInfo }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unreachable' }

/** Long enough for a slow relay, short enough that an offline reload still opens the local copy quickly. */
const LOOKUP_TIMEOUT_MS = 5000

export function parseBoardInfo(value: unknown): BoardInfo | null {
  if (value === null || typeof value !== 'object') return null
  const { id, title, createdAt } = value as Record<string, unknown>
  if (typeof id !== 'string' || id === '' || typeof title !== 'string') return null
  const created = typeof createdAt === 'number' ? createdAt : typeof createdAt === 'string' ? Date.parse(createdAt) : 0
  return { id, title, createdAt: Number.isFinite(created) ? created : 0 }
}

export async function createBoard(title: string): Promise<BoardInfo> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (!response.ok) throw new Error(`Creating a board failed with HTTP ${response.status}`)
  const board = parseBoardInfo(await response.json())
  if (!board) throw new Error('The relay answered with a malformed board')
  return board
}

/**
 * Any answer other than a clear "no such board" counts as "unreachable": the board may still be in this
 * browser's local copy, so only a relay that says the board does not exist may turn us away.
 */
export async function lookupBoard(id: string, signal: AbortSignal): Promise<BoardLookup> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(id)}`, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(LOOKUP_TIMEOUT_MS)]),
      headers: { accept: 'application/json' },
    })
    // The relay answers 400 for an id that cannot exist at all; for the person it is the same: no such board.
    if (response.status === 404 || response.status === 400) return { kind: 'not-found' }
    if (!response.ok) return { kind: 'unreachable' }
    const board = parseBoardInfo(await response.json())
    return board ? { kind: 'found', board } : { kind: 'unreachable' }
  } catch (error) {
    if (signal.aborted) throw error
    return { kind: 'unreachable' }
  }
}

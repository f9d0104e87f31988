/**
 * Opening a board: what its link opens (the lookup) and, on this device's first visit, the board's
 * content (the snapshot), requested together — one round trip, not two — with the board's socket
 * opened alongside (see socketAhead.ts), which asks the sync for what came after the snapshot as
 * soon as it has arrived. A board visited before opens from its local copy at once and the sync
 * brings only what changed since, which on slow Wi-Fi beats waiting for all of it. The early script
 * (early.ts) starts the page's own board while the browser still parses the app, so the requests
 * travel meanwhile; the board page then takes that same opening.
 */
import { fetchBoardSnapshot } from '../api/boardSnapshot'
import { type BoardLookup, lookupBoard } from '../api/boards'
import { pageShared } from '../lib/pageShared'
import { findRecentBoard } from '../lib/recentBoards'
import { roomProtocols, roomUrl } from './relayAddress'
import { openSocketAhead, type SocketAhead } from './socketAhead'

export interface OpeningSnapshot {
  /** The board's content (see fetchBoardSnapshot). */
  readonly update: Uint8Array
  /** The board's socket, opened ahead; for the session's provider to take. */
  readonly socket: SocketAhead | null
}

export interface Opening {
  readonly lookup: BoardLookup
  /**
   * The board's content, when the relay sent it, handed out once: after the session applied it,
   * the page holds no second copy of the board.
   */
  takeSnapshot(): OpeningSnapshot | null
}

function once<T>(value: T | null): () => T | null {
  let held = value
  return () => {
    const taken = held
    held = null
    return taken
  }
}

/** Shared with the early script's copy of this module, which starts the page's own board. */
const started = pageShared('board-openings', () => new Map<string, Promise<Opening>>())

const keyOf = (boardId: string, token: string) => `${boardId} ${token}`

function requestOpening(boardId: string, token: string): Promise<Opening> {
  // Nothing aborts these: a page that goes away drops the answer, and both requests time out.
  const { signal } = new AbortController()
  const visited = findRecentBoard(boardId) !== undefined
  const socket = visited || !navigator.onLine ? null : openSocketAhead(roomUrl(boardId), roomProtocols(token))
  const snapshot = visited
    ? null
    : fetchBoardSnapshot(boardId, token, signal).then((fetched) => {
        if (fetched?.stateVector) socket?.requestChangesSince(fetched.stateVector)
        return fetched
      })
  return Promise.all([lookupBoard(boardId, token, signal), snapshot]).then(([lookup, fetched]) => {
    if (lookup.kind !== 'found' || !fetched) socket?.discard()
    return { lookup, takeSnapshot: once(fetched && { update: fetched.update, socket }) }
  })
}

/** Starts opening a board ahead of the page that shows it. */
export function prefetchOpening(boardId: string, token: string): void {
  const key = keyOf(boardId, token)
  if (!started.has(key)) started.set(key, requestOpening(boardId, token))
}

/** The opening started ahead for this board and link, or a new one; each is handed out once. */
export function takeOpening(boardId: string, token: string): Promise<Opening> {
  const key = keyOf(boardId, token)
  const prefetched = started.get(key)
  started.delete(key)
  return prefetched ?? requestOpening(boardId, token)
}

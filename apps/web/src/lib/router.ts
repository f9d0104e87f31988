/**
 * A tiny router on the History API: two pages need no more than matching the pathname. Free of React,
 * as the early script (early.ts) reads the route too; the hook is in usePathname.ts.
 */

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'board'; readonly boardId: string }
  | { readonly page: 'missing' }

/** Dispatched on window after an in-app navigation (history.pushState fires no event of its own). */
export const NAVIGATE_EVENT = 'samla:navigate'
const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' }
  const board = BOARD_PATH.exec(pathname)
  if (board?.[1]) return { page: 'board', boardId: board[1] }
  return { page: 'missing' }
}

export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`
}

/** Goes to a path inside the app; `state` travels with the history entry (a message for the next page). */
export function navigate(path: string, state: Record<string, unknown> | null = null): void {
  if (path === `${location.pathname}${location.hash}` && state === null) return
  history.pushState(state, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

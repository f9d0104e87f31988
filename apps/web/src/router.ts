/** A tiny router on the History API: two pages need no more than matching the pathname. */
import { useSyncExternalStore } from 'react'

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'board'; readonly boardId: string }
  | { readonly page: 'missing' }

const NAVIGATE_EVENT = 'samla:navigate'
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

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(NAVIGATE_EVENT, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(NAVIGATE_EVENT, listener)
  }
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname)
}

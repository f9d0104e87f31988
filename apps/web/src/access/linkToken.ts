/**
 * Which token this tab uses for a board. A token arriving in the address (the fragment of a board
 * link) is kept for this tab in sessionStorage and removed from the address bar, so it is not left
 * in the browser history or on a projected screen. Without one, the tab's earlier token or the
 * recent-boards entry on this device is used (which holds a facilitator's link only on a board the
 * facilitator asked this device to remember).
 */
import { isRole, type Role } from '@samla/protocol'
import { tabRoleKey, tabTokenKey } from '../lib/localCopy'
import { pageShared } from '../lib/pageShared'
import { findRecentBoard } from '../lib/recentBoards'
import { readStored, writeStored } from '../lib/storage'
import { tokenFromHash } from './boardLink'

/** Tokens taken from the address by this page, for when sessionStorage is blocked and keeps nothing. */
const takenThisPage = pageShared('taken-link-tokens', () => new Map<string, string>())

/** Dispatched on window when this tab's token for a board was replaced (see switchLinkToken). */
export const LINK_TOKEN_SWITCHED = 'samla:link-token-switched'

function keepForTab(boardId: string, token: string): void {
  takenThisPage.set(boardId, token)
  writeStored(tabTokenKey(boardId), token, 'session')
}

export function takeLinkToken(boardId: string): string | null {
  const fromLink = tokenFromHash(location.hash)
  if (fromLink) {
    keepForTab(boardId, fromLink)
    history.replaceState(history.state, '', `${location.pathname}${location.search}`)
    return fromLink
  }
  return (
    takenThisPage.get(boardId) ?? readStored(tabTokenKey(boardId), 'session') ?? findRecentBoard(boardId)?.token ?? null
  )
}

/** Boards this page reopened with the facilitator's new link, whose board screen still has to say so. */
const replacedHere = pageShared('replaced-own-links', () => new Set<string>())

/** This tab's token is now `token` (the facilitator replaced their own link): the board reopens with it. */
export function switchLinkToken(boardId: string, token: string): void {
  keepForTab(boardId, token)
  replacedHere.add(boardId)
  window.dispatchEvent(new CustomEvent(LINK_TOKEN_SWITCHED, { detail: boardId }))
}

/** Whether the board just reopened with the facilitator's new link (told once). */
export function takeOwnLinkReplaced(boardId: string): boolean {
  return replacedHere.delete(boardId)
}

/** Notes the role the relay confirmed for this tab's token, so the board opens in it offline too. */
export function rememberTabRole(boardId: string, token: string, role: Role): void {
  writeStored(tabRoleKey(boardId), JSON.stringify({ token, role }), 'session')
}

/** The role the relay last confirmed for this tab's token, if it is this token. */
export function tabRole(boardId: string, token: string): Role | null {
  try {
    const stored = JSON.parse(readStored(tabRoleKey(boardId), 'session') ?? 'null') as {
      token?: unknown
      role?: unknown
    }
    return stored?.token === token && isRole(stored.role) ? stored.role : null
  } catch {
    return null
  }
}

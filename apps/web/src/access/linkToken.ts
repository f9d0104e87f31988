/**
 * Which token this tab uses for a board. A token arriving in the address (the fragment of a board
 * link) is kept for this tab in sessionStorage and removed from the address bar, so it is not left
 * in the browser history or on a projected screen. Without one, the tab's earlier token or the
 * recent-boards entry on this device is used.
 */
import { tabTokenKey } from '../lib/localCopy'
import { pageShared } from '../lib/pageShared'
import { findRecentBoard } from '../lib/recentBoards'
import { readStored, writeStored } from '../lib/storage'
import { tokenFromHash } from './boardLink'

/** Tokens taken from the address by this page, for when sessionStorage is blocked and keeps nothing. */
const takenThisPage = pageShared('taken-link-tokens', () => new Map<string, string>())

export function takeLinkToken(boardId: string): string | null {
  const fromLink = tokenFromHash(location.hash)
  if (fromLink) {
    takenThisPage.set(boardId, fromLink)
    writeStored(tabTokenKey(boardId), fromLink, 'session')
    history.replaceState(history.state, '', `${location.pathname}${location.search}`)
    return fromLink
  }
  return (
    takenThisPage.get(boardId) ?? readStored(tabTokenKey(boardId), 'session') ?? findRecentBoard(boardId)?.token ?? null
  )
}

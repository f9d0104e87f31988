/**
 * Starts the requests of the board this page shows, if it is a board link (see opening.ts). Called by
 * the early script and again by the app, whichever runs first; the second call finds them started.
 */
import { takeLinkToken } from '../access/linkToken'
import { parseRoute } from '../lib/router'
import { prefetchOpening } from './opening'

export function prefetchPageBoard(): void {
  const route = parseRoute(location.pathname)
  if (route.page !== 'board') return
  const token = takeLinkToken(route.boardId)
  if (token) prefetchOpening(route.boardId, token)
}

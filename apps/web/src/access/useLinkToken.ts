/** The board's token for a page, kept current when a new link is pasted into the open page's address bar. */
import { useEffect, useState } from 'react'
import { LINK_TOKEN_SWITCHED, takeLinkToken } from './linkToken'

/**
 * The board's token, following a new link pasted into the address bar of the open page, and the
 * facilitator's own link when they replace it.
 */
export function useLinkToken(boardId: string): string | null {
  const [token, setToken] = useState(() => takeLinkToken(boardId))
  useEffect(() => {
    const onHashChange = () => setToken(takeLinkToken(boardId))
    const onSwitched = (event: Event) => {
      if ((event as CustomEvent<string>).detail === boardId) setToken(takeLinkToken(boardId))
    }
    window.addEventListener('hashchange', onHashChange)
    window.addEventListener(LINK_TOKEN_SWITCHED, onSwitched)
    return () => {
      window.removeEventListener('hashchange', onHashChange)
      window.removeEventListener(LINK_TOKEN_SWITCHED, onSwitched)
    }
  }, [boardId])
  return token
}

/** The board's token for a page, kept current when a new link is pasted into the open page's address bar. */
import { useEffect, useState } from 'react'
import { takeLinkToken } from './linkToken'

/** The board's token, following a new link pasted into the address bar of the open page. */
export function useLinkToken(boardId: string): string | null {
  const [token, setToken] = useState(() => takeLinkToken(boardId))
  useEffect(() => {
    const onHashChange = () => setToken(takeLinkToken(boardId))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [boardId])
  return token
}

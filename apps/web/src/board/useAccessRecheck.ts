/**
 * While the relay cannot be reached but the browser is online, asks the board API now and then
 * whether the link still works. The relay refuses a websocket with a replaced link or for a deleted
 * board before it opens, which the browser reports only as a failed connection; without this the
 * person would see "offline" for ever instead of the reason.
 */
import { useEffect } from 'react'
import { lookupBoard } from '../api/boards'
import type { BoardSession } from '../session/session'

const RECHECK_MS = 15_000

export function useAccessRecheck(session: BoardSession): void {
  useEffect(() => {
    const controller = new AbortController()
    const check = async () => {
      const { status, ended } = session.connection.getState()
      if (status === 'connected' || ended || !navigator.onLine) return
      const lookup = await lookupBoard(session.boardId, session.token, controller.signal)
      if (lookup.kind === 'refused') session.connection.end(lookup.problem)
    }
    const timer = setInterval(() => {
      check().catch(() => {
        // Aborted as the board closed.
      })
    }, RECHECK_MS)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [session])
}

/**
 * What the facilitation features keep doing while a board is open, without a UI of their own: the
 * private drafts and their publication at a reveal, the relay clock (measured again on each
 * reconnect), sharing the facilitator's view, and following it or being summoned.
 */
import { useEffect } from 'react'
import type { BoardSession } from '../session/session'
import { usePrivateDrafts } from '../private/usePrivateDrafts'
import { syncClock } from '../timer/clock'
import { useFollowAndSummons, useShareView } from './useFollow'

function useRelayClock(session: BoardSession): void {
  useEffect(() => {
    const { connection } = session
    let connected = false
    const onChange = () => {
      const now = connection.getState().status === 'connected'
      if (now && !connected) void syncClock()
      connected = now
    }
    onChange()
    return connection.subscribe(onChange)
  }, [session])
}

export function FacilitationEffects({ session }: { readonly session: BoardSession }) {
  usePrivateDrafts(session)
  useRelayClock(session)
  useShareView(session)
  useFollowAndSummons(session)
  return null
}

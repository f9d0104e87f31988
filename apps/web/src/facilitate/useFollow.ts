/**
 * Follow the facilitator and "bring everyone to me", wired to the board connection's awareness.
 * Only fields are added to the local state (presence shares the same state), never the whole of it.
 */
import { useEffect, useRef } from 'react'
import type { BoardSession } from '../session/session'
import { relayNow } from '../timer/clock'
import { leaderView, newSummons, type SharedView, sharedViewOf, viewportShowing } from './follow'
import { useFacilitationUi } from '../session/BoardContext'

/** Often enough to feel live, rarely enough for 300 followers' connections. */
const SHARE_EVERY_MS = 200

function moveTo(session: BoardSession, view: SharedView): void {
  const ui = session.ui.getState()
  ui.setViewport(viewportShowing(view, ui.size))
}

/** The facilitator's view, shared (throttled) for followers. */
export function useShareView(session: BoardSession): void {
  useEffect(() => {
    if (session.role !== 'facilitator') return
    const { awareness } = session
    let timer: ReturnType<typeof setTimeout> | null = null
    const share = () => {
      timer = null
      const { viewport, size } = session.ui.getState()
      awareness.setLocalStateField('viewport', sharedViewOf(viewport, size))
    }
    share()
    const unsubscribe = session.ui.subscribe((state, previous) => {
      if (timer === null && (state.viewport !== previous.viewport || state.size !== previous.size)) {
        timer = setTimeout(share, SHARE_EVERY_MS)
      }
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [session])
}

/** Moves this view with the facilitator's while following is on, and once for each fresh summon. */
export function useFollowAndSummons(session: BoardSession): void {
  const following = useFacilitationUi((state) => state.following)
  // Outlives the effect, so turning following on or off does not act on a summon a second time.
  const seen = useRef(new Set<string>())
  useEffect(() => {
    const { awareness } = session
    let last: SharedView | null = null
    const onChange = () => {
      const states = awareness.getStates() as Map<number, Record<string, unknown>>
      for (const summon of newSummons(states, awareness.clientID, seen.current, relayNow())) moveTo(session, summon)
      const leader = following ? leaderView(states, awareness.clientID) : null
      // Other people's cursors change awareness all the time; only a change of the leader's view moves this one.
      if (leader && (leader.x !== last?.x || leader.y !== last.y || leader.zoom !== last.zoom)) {
        last = leader
        moveTo(session, leader)
      }
    }
    onChange()
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [session, following])
}

/** Moves every other view to this one, once. */
export function summonEveryone(session: BoardSession): void {
  const { awareness } = session
  const previous = (awareness.getLocalState()?.summon as { count?: unknown } | undefined)?.count
  const count = typeof previous === 'number' ? previous + 1 : 1
  const { viewport, size } = session.ui.getState()
  awareness.setLocalStateField('summon', { ...sharedViewOf(viewport, size), count, at: relayNow() })
}

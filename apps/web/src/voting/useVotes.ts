/** A part of the dot vote as the relay tells this person (their own dots, how many voted, the totals they may see). */
import { useStore } from 'zustand'
import { useBoard } from '../session/BoardContext'
import type { VoteState } from '../session/votes'

export function useVotes<T>(selector: (votes: VoteState) => T): T {
  return useStore(useBoard().votes.state, selector)
}

/** Hands the open board session to the components below the board screen. */
import { createContext, useContext } from 'react'
import type { BoardSession } from './session'

export const BoardContext = createContext<BoardSession | null>(null)

export function useBoard(): BoardSession {
  const session = useContext(BoardContext)
  if (!session) throw new Error('useBoard is used outside a board screen')
  return session
}

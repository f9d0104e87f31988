/** Hands the open board session to the components below the board screen, with its lock and what the person may do. */
import { mayEdit } from '../access/roles'
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { BoardSession } from './session'

export const BoardContext = createContext<BoardSession | null>(null)

export function useBoard(): BoardSession {
  const session = useContext(BoardContext)
  if (!session) throw new Error('useBoard is used outside a board screen')
  return session
}

export function useLocked(): boolean {
  const { control } = useBoard()
  return useSyncExternalStore(control.subscribeControl, () => control.getControl().locked)
}

/** Whether the controls that change the board are offered: the role allows it and the lock does not forbid it. */
export function useCanEdit(): boolean {
  const { role } = useBoard()
  return mayEdit(role, useLocked())
}

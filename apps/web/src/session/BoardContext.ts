/** Hands the open board session to the components below the board screen, with its lock and what the person may do. */
import type { NoteSnapshot } from '@samla/board'
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { mayEdit } from '@samla/protocol'
import type { FacilitationUi } from './facilitationUi'
import type { SearchFilter } from './searchStore'
import type { BoardSession } from './session'
import type { Ui } from './uiStore'

export const BoardContext = createContext<BoardSession | null>(null)

export function useBoard(): BoardSession {
  const session = useContext(BoardContext)
  if (!session) throw new Error('useBoard is used outside a board screen')
  return session
}

/** One note, following only its own changes (a keystroke elsewhere does not wake the caller). */
export function useNote(id: string): NoteSnapshot | undefined {
  const { reader } = useBoard()
  const subscribe = useCallback((listener: () => void) => reader.subscribeNote(id, listener), [reader, id])
  return useSyncExternalStore(subscribe, () => reader.getNote(id))
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

/** A part of this page's view of the open board (viewport, selection, editing …). */
export function useUi<T>(selector: (ui: Ui) => T): T {
  return useStore(useBoard().ui, selector)
}

/** A part of this page's facilitation state on the open board (panels, timer sound, cluster drag …). */
export function useFacilitationUi<T>(selector: (ui: FacilitationUi) => T): T {
  return useStore(useBoard().facilitationUi, selector)
}

/** A part of the person's search and filter on the open board. */
export function useSearch<T>(selector: (filter: SearchFilter) => T): T {
  return useStore(useBoard().searchFilter, selector)
}

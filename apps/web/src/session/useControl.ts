/** The control doc's state and the tools it gives this person, for components. */
import type { ControlState } from '@samla/board'
import { useMemo, useSyncExternalStore } from 'react'
import { useBoard } from './BoardContext'
import { type FacilitationTools, toolsFor } from './phaseTools'

export function useControlState(): ControlState {
  const { control } = useBoard()
  return useSyncExternalStore(control.subscribeControl, control.getControl)
}

export function useTools(): FacilitationTools {
  const { role } = useBoard()
  const control = useControlState()
  return useMemo(() => toolsFor(role, control), [role, control])
}

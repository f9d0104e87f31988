/** The shared countdown as a display shows it: the time left, its state, and whether the timer was used at all. */
import { useControlState } from '../session/useControl'
import { useRemaining } from './useRemaining'

export type TimerViewState = 'running' | 'paused' | 'ended'

export interface TimerView {
  /** Remaining time in ms, in whole seconds. */
  readonly remaining: number
  readonly state: TimerViewState
  /** Started, or stopped before its full duration: a timer nobody used is not shown. */
  readonly used: boolean
}

export function useTimerView(): TimerView {
  const { timer } = useControlState()
  const remaining = useRemaining(timer)
  const running = timer.endsAt !== null
  const state = running && remaining === 0 ? 'ended' : running ? 'running' : 'paused'
  return { remaining, state, used: running || timer.remainingMs !== timer.durationMs }
}

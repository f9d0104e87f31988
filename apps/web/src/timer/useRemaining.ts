/**
 * The time left on the shared timer, by the relay's clock, re-read four times a second while it runs
 * but re-rendering only when the shown second changes.
 */
import { type TimerState, timerRemaining } from '@samla/board'
import { useEffect, useState } from 'react'
import { relayNow } from './clock'

const TICK_MS = 250

function wholeSeconds(timer: TimerState): number {
  return Math.ceil(timerRemaining(timer, relayNow()) / 1000)
}

/** Remaining time in ms, rounded up to whole seconds. */
export function useRemaining(timer: TimerState): number {
  const [seconds, setSeconds] = useState(() => wholeSeconds(timer))
  useEffect(() => {
    setSeconds(wholeSeconds(timer))
    if (timer.endsAt === null) return
    const interval = setInterval(() => setSeconds(wholeSeconds(timer)), TICK_MS)
    return () => clearInterval(interval)
  }, [timer])
  return seconds * 1000
}

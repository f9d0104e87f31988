/** How a countdown reads: minutes and seconds, rounded up so it shows 0:00 only once time is up. */

export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}

/** Whole minutes and seconds left, for a spoken label ("4 minutes 5 seconds"). */
export function splitRemaining(ms: number): { minutes: number; seconds: number } {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 }
}

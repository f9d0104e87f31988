/**
 * Work that must not delay a frame the person is waiting for: it runs `after` ms from now, at the
 * page's next idle moment (within a second at the latest). Returns a function that cancels it.
 */
const IDLE_TIMEOUT_MS = 1000

export function whenIdle(task: () => void, after = 0): () => void {
  let idle = 0
  const timer = setTimeout(() => {
    if ('requestIdleCallback' in window) idle = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS })
    else task()
  }, after)
  return () => {
    clearTimeout(timer)
    if (idle) cancelIdleCallback(idle)
  }
}

/**
 * Paces the local cursor: at most one position per interval, always the latest one (positions in
 * between are simply skipped), and none at all while the connection's send buffer is backed up —
 * on a slow link, cursors are the first thing to give way so note changes get through.
 */
import type { Point } from '../lib/geometry'

/** Bytes waiting in the websocket's send buffer above which cursor moves are held back. */
export const CURSOR_BACKLOG_LIMIT = 8 * 1024

export interface CursorPacerOptions {
  send(point: Point | null): void
  /** Bytes queued on the connection, not yet handed to the network. */
  backlog(): number
  /** Milliseconds between sends. */
  interval(): number
  now?: () => number
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export interface CursorPacer {
  move(point: Point | null): void
  destroy(): void
}

export function createCursorPacer(options: CursorPacerOptions): CursorPacer {
  const now = options.now ?? (() => performance.now())
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms))
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  let latest: Point | null = null
  let pending = false
  let lastSent = Number.NEGATIVE_INFINITY
  let timer: unknown = null

  const attempt = () => {
    timer = null
    if (!pending) return
    const wait = lastSent + options.interval() - now()
    if (wait > 0) {
      timer = setTimer(attempt, wait)
      return
    }
    if (options.backlog() > CURSOR_BACKLOG_LIMIT) {
      timer = setTimer(attempt, options.interval())
      return
    }
    pending = false
    lastSent = now()
    options.send(latest)
  }

  return {
    move(point) {
      latest = point
      pending = true
      if (timer === null) attempt()
    },
    destroy() {
      if (timer !== null) clearTimer(timer)
      timer = null
      pending = false
    },
  }
}

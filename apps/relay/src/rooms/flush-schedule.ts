/**
 * When a room's gathered changes go out. The first change after a quiet spell goes out at the end
 * of this tick; while changes keep coming, they are gathered for up to FLUSH_INTERVAL_MS so that
 * every client applies one update per interval instead of one per keystroke.
 */

/** Longest a change waits for others to share its broadcast, under sustained load only. */
const FLUSH_INTERVAL_MS = 4

export class FlushSchedule {
  private queued = false
  private lastFlushAt = Number.NEGATIVE_INFINITY

  constructor(private readonly flush: () => void) {}

  /** Queues a flush unless one is queued already. */
  request(): void {
    if (this.queued) return
    this.queued = true
    const wait = this.lastFlushAt + FLUSH_INTERVAL_MS - performance.now()
    if (wait <= 0) setImmediate(this.flush)
    else setTimeout(this.flush, wait)
  }

  /** A flush is starting (queued or called directly): the next change needs a new request. */
  flushing(): void {
    this.queued = false
    this.lastFlushAt = performance.now()
  }
}

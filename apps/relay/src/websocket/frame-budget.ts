/**
 * What one connection may send: token buckets for its board messages and their bytes, and for its
 * presence messages and their bytes (base/config.ts). A frame that has arrived is handled (it is
 * within maxFrameBytes); a connection that has gone over a budget is then not read from until the
 * budget has refilled, so what it sends meanwhile waits in its own send buffer and in TCP, never in
 * the relay's memory, and its frames keep their order. Honest use (typing, moving notes, a cursor, a
 * reconnect's catch-up) stays far below; a flood is slowed to the budget's rate.
 *
 * Not rate-limiter-flexible, which keeps the per-address limits: it answers with promises, while a
 * connection's frames are judged one by one, in order, on the hot path; a bucket is two numbers.
 */
import type { WebSocket } from 'ws'
import type { RelayLimits } from '../base/config.js'
import { MessageType } from '../rooms/messages.js'

export type Budget = 'updates' | 'presence'

class TokenBucket {
  private tokens: number
  private at = performance.now()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst
  }

  /** Takes `amount`, and tells how long until the bucket is no longer in debt (0: it is not). */
  take(amount: number): number {
    this.refill()
    this.tokens -= amount
    return this.debtMs()
  }

  debtMs(): number {
    this.refill()
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000)
  }

  private refill(): void {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond)
    this.at = now
  }
}

export interface FrameBudget {
  /** Counts a frame against its budget; past it, the socket is not read from until the budget refills. */
  charge(frame: Uint8Array): void
  stop(): void
}

export function watchFrameBudget(
  ws: WebSocket,
  limits: RelayLimits,
  onThrottled: (budget: Budget) => void,
): FrameBudget {
  const buckets: Record<Budget, readonly [TokenBucket, TokenBucket]> = {
    updates: [
      new TokenBucket(limits.updatesPerSecond, limits.updateBurst),
      new TokenBucket(limits.updateBytesPerSecond, limits.updateBytesBurst),
    ],
    presence: [
      new TokenBucket(limits.presencePerSecond, limits.presenceBurst),
      new TokenBucket(limits.presenceBytesPerSecond, limits.presenceBytesBurst),
    ],
  }
  const all = [...buckets.updates, ...buckets.presence]
  let timer: NodeJS.Timeout | null = null

  const resumeWhenRefilled = () => {
    const wait = Math.max(...all.map((bucket) => bucket.debtMs()))
    if (wait > 0) {
      timer = setTimeout(resumeWhenRefilled, wait)
      return
    }
    timer = null
    if (ws.readyState === ws.OPEN) ws.resume()
  }

  return {
    charge(frame) {
      const budget: Budget = frame[0] === MessageType.Awareness ? 'presence' : 'updates'
      const [messages, bytes] = buckets[budget]
      const wait = Math.max(messages.take(1), bytes.take(frame.length))
      // Already paused: the timer looks at every bucket before it reads on.
      if (wait === 0 || timer !== null || ws.readyState !== ws.OPEN) return
      onThrottled(budget)
      ws.pause()
      timer = setTimeout(resumeWhenRefilled, wait)
    },
    stop() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}

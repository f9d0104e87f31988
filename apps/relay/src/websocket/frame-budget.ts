/**
 * What one connection may send: token buckets for its board messages and their bytes, and for its
 * presence messages and their bytes (base/config.ts). A frame within its budget is handled at once;
 * one past it waits, with every frame after it, in order, until the budget has refilled, and the
 * socket is not read from meanwhile, so what the connection sends waits in its own send buffer and
 * in TCP, never in the relay's memory (at most the frames that arrived with the one that waits). A
 * connection starts with its whole burst of messages but a quarter of its burst of bytes: many small
 * changes at once cost little, while reconnecting does not buy a flood of large frames a fresh burst.
 * Honest use (typing, moving notes, a cursor, a reconnect's catch-up) stays far below.
 *
 * Not rate-limiter-flexible, which keeps the per-address limits: it answers with promises, while a
 * connection's frames are judged one by one, in order, on the hot path; a bucket is two numbers.
 */
import type { WebSocket } from 'ws'
import type { RelayLimits } from '../base/config.js'
import { MessageType } from '../rooms/messages.js'

export type Budget = 'updates' | 'presence'

/** The share of a byte budget's burst a new connection starts with. */
const BYTES_AT_START = 1 / 4

class TokenBucket {
  private tokens: number
  private at = performance.now()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    startShare: number,
  ) {
    this.tokens = burst * startShare
  }

  /** How long until `amount` can be taken (0: now); an amount over the burst waits for a full bucket. */
  waitMs(amount: number): number {
    this.refill()
    const missing = Math.min(amount, this.burst) - this.tokens
    return missing <= 0 ? 0 : Math.ceil((missing / this.perSecond) * 1000)
  }

  take(amount: number): void {
    this.refill()
    this.tokens -= amount
  }

  private refill(): void {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond)
    this.at = now
  }
}

export interface FrameBudget {
  /** Hands `frame` on now if the budget allows and nothing waits before it, else once it does. */
  submit(frame: Uint8Array): void
  stop(): void
}

export function watchFrameBudget(
  ws: WebSocket,
  limits: RelayLimits,
  handle: (frame: Uint8Array) => void,
  onThrottled: (budget: Budget) => void,
): FrameBudget {
  const buckets: Record<Budget, readonly [TokenBucket, TokenBucket]> = {
    updates: [
      new TokenBucket(limits.updatesPerSecond, limits.updateBurst, 1),
      new TokenBucket(limits.updateBytesPerSecond, limits.updateBytesBurst, BYTES_AT_START),
    ],
    presence: [
      new TokenBucket(limits.presencePerSecond, limits.presenceBurst, 1),
      new TokenBucket(limits.presenceBytesPerSecond, limits.presenceBytesBurst, BYTES_AT_START),
    ],
  }
  const waiting: Uint8Array[] = []
  let timer: NodeJS.Timeout | null = null

  const budgetOf = (frame: Uint8Array): Budget => (frame[0] === MessageType.Awareness ? 'presence' : 'updates')
  const waitMs = (frame: Uint8Array) => {
    const [messages, bytes] = buckets[budgetOf(frame)]
    return Math.max(messages.waitMs(1), bytes.waitMs(frame.length))
  }
  const pass = (frame: Uint8Array) => {
    const [messages, bytes] = buckets[budgetOf(frame)]
    messages.take(1)
    bytes.take(frame.length)
    handle(frame)
  }
  const drain = () => {
    timer = null
    while (waiting.length > 0 && ws.readyState === ws.OPEN) {
      const frame = waiting[0] as Uint8Array
      const wait = waitMs(frame)
      if (wait > 0) {
        timer = setTimeout(drain, wait)
        return
      }
      waiting.shift()
      pass(frame)
    }
    waiting.length = 0
    // Closing too: a refused frame's close handshake needs the peer's answer read.
    if (ws.readyState !== ws.CLOSED) ws.resume()
  }

  return {
    submit(frame) {
      if (waiting.length === 0 && waitMs(frame) === 0) {
        pass(frame)
        return
      }
      waiting.push(frame)
      if (timer !== null) return
      onThrottled(budgetOf(frame))
      ws.pause()
      timer = setTimeout(drain, waitMs(waiting[0] as Uint8Array))
    },
    stop() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      waiting.length = 0
    },
  }
}

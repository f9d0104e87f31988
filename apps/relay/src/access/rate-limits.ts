/**
 * Per-address rate limits for the things a stranger can do before holding a token: create boards,
 * open websockets, and look up join codes. The websocket budget is generous because a whole
 * municipality may sit behind one NAT address: 300 people joining one board within a minute
 * open 600 sockets (board and control doc), plus reconnects. For the same reason only join codes
 * that lead nowhere are counted: a room typing the right code is never held up, a guesser is.
 * Several relays serving as one share the budgets through Redis, each falling back to its own
 * memory while Redis is unreachable (so a Redis restart refuses nobody).
 */
import type { Redis } from 'ioredis'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'

export interface RateLimitSettings {
  boardCreationsPerAddressPerMinute: number
  upgradesPerAddressPerMinute: number
  joinCodeMissesPerAddressPerMinute: number
}

/** Shared budgets: a Redis client and the service's key prefix. */
export interface SharedLimits {
  redis: Redis
  prefix: string
}

export function createRateLimits(settings: RateLimitSettings, shared?: SharedLimits) {
  const limiter = (name: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration: 60 })
    if (!shared) return memory
    return new RateLimiterRedis({
      storeClient: shared.redis,
      keyPrefix: `${shared.prefix}:limit:${name}`,
      points,
      duration: 60,
      insuranceLimiter: memory,
    })
  }
  const creations = limiter('creations', settings.boardCreationsPerAddressPerMinute)
  const upgrades = limiter('upgrades', settings.upgradesPerAddressPerMinute)
  const joinCodeMisses = limiter('join-code-misses', settings.joinCodeMissesPerAddressPerMinute)
  const allow = (limiter: RateLimiterAbstract, address: string) =>
    limiter.consume(address).then(
      () => true,
      () => false,
    )
  return {
    allowBoardCreation: (address: string) => allow(creations, address),
    allowUpgrade: (address: string) => allow(upgrades, address),
    /** Whether the address may look up a join code: false once its misses of the minute are spent. */
    allowJoinCodeLookup: async (address: string) =>
      ((await joinCodeMisses.get(address))?.consumedPoints ?? 0) < settings.joinCodeMissesPerAddressPerMinute,
    /** Counts a lookup of a code that leads nowhere. */
    countJoinCodeMiss: (address: string) =>
      joinCodeMisses.consume(address).then(
        () => undefined,
        () => undefined,
      ),
  }
}

export type RateLimits = ReturnType<typeof createRateLimits>

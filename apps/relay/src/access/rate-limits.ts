/**
 * Per-address rate limits for the things a stranger can do before holding a token: create boards,
 * open websockets, and look up join codes. The websocket budget is generous because a whole
 * municipality may sit behind one NAT address: 300 people joining one board within a minute
 * open 600 sockets (board and control doc), plus reconnects. For the same reason only join codes
 * that lead nowhere are counted: a room typing the right code is never held up, a guesser is.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible'

export interface RateLimitSettings {
  boardCreationsPerAddressPerMinute: number
  upgradesPerAddressPerMinute: number
  joinCodeMissesPerAddressPerMinute: number
}

export function createRateLimits(settings: RateLimitSettings) {
  const creations = new RateLimiterMemory({ points: settings.boardCreationsPerAddressPerMinute, duration: 60 })
  const upgrades = new RateLimiterMemory({ points: settings.upgradesPerAddressPerMinute, duration: 60 })
  const joinCodeMisses = new RateLimiterMemory({ points: settings.joinCodeMissesPerAddressPerMinute, duration: 60 })
  const allow = (limiter: RateLimiterMemory, address: string) =>
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

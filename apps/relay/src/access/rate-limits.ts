/**
 * Per-address rate limits for the two things a stranger can do before holding a token:
 * create boards, and open websockets. The websocket budget is generous because a whole
 * municipality may sit behind one NAT address: 300 people joining one board within a minute
 * open 600 sockets (board and control doc), plus reconnects.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible'

export interface RateLimitSettings {
  boardCreationsPerAddressPerMinute: number
  upgradesPerAddressPerMinute: number
}

export function createRateLimits(settings: RateLimitSettings) {
  const creations = new RateLimiterMemory({ points: settings.boardCreationsPerAddressPerMinute, duration: 60 })
  const upgrades = new RateLimiterMemory({ points: settings.upgradesPerAddressPerMinute, duration: 60 })
  const allow = (limiter: RateLimiterMemory, address: string) =>
    limiter.consume(address).then(
      () => true,
      () => false,
    )
  return {
    allowBoardCreation: (address: string) => allow(creations, address),
    allowUpgrade: (address: string) => allow(upgrades, address),
  }
}

export type RateLimits = ReturnType<typeof createRateLimits>

/** Tests for estimating the relay clock's offset. */
import { describe, expect, it } from 'vitest'
import { estimateOffset } from './clock'

describe('estimateOffset', () => {
  it('takes the midpoint of the round trip with the lowest RTT', () => {
    const samples = [
      { sent: 1000, received: 1400, relayNow: 6000 },
      { sent: 2000, received: 2020, relayNow: 7010 },
      { sent: 3000, received: 3300, relayNow: 8400 },
    ]
    expect(estimateOffset(samples)).toBe(7010 - 2010)
  })

  it('finds a relay clock that is behind', () => {
    expect(estimateOffset([{ sent: 50_000, received: 50_010, relayNow: 20_005 }])).toBe(-30_000)
  })

  it('is zero without samples', () => {
    expect(estimateOffset([])).toBe(0)
  })
})

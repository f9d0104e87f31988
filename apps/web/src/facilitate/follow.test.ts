/** Tests for following the facilitator and being summoned. */
import { describe, expect, it } from 'vitest'
import { leaderView, newSummons, readSharedView, sharedViewOf, viewportShowing } from './follow'

const size = { width: 800, height: 600 }

describe('follow the facilitator', () => {
  it('shares the centre of the view, which a different screen puts in its own middle', () => {
    const shared = sharedViewOf({ x: -200, y: 100, zoom: 2 }, size)
    expect(shared).toEqual({ x: 300, y: 100, zoom: 2 })
    const other = viewportShowing(shared, { width: 1200, height: 900 })
    expect(other).toEqual({ x: 600 - 600, y: 450 - 200, zoom: 2 })
  })

  it('rejects malformed or out-of-range views from awareness', () => {
    expect(readSharedView({ x: 1, y: 2, zoom: 1 })).toEqual({ x: 1, y: 2, zoom: 1 })
    expect(readSharedView({ x: 1, y: 2, zoom: 100 })).toBeNull()
    expect(readSharedView({ x: Number.NaN, y: 2, zoom: 1 })).toBeNull()
    expect(readSharedView({ x: 1e9, y: 2, zoom: 1 })).toBeNull()
    expect(readSharedView('x')).toBeNull()
  })

  it('follows the sharer with the lowest client id, never itself', () => {
    const states = new Map<number, Record<string, unknown>>([
      [7, { viewport: { x: 7, y: 0, zoom: 1 } }],
      [3, { viewport: { x: 3, y: 0, zoom: 1 } }],
      [1, { user: { name: 'no view' } }],
    ])
    expect(leaderView(states, 9)?.x).toBe(3)
    expect(leaderView(states, 3)?.x).toBe(7)
    expect(leaderView(new Map(), 1)).toBeNull()
  })

  it('acts on each fresh summon once and ignores old ones', () => {
    const seen = new Set<string>()
    const summon = { x: 10, y: 20, zoom: 1, count: 1, at: 100_000 }
    const states = new Map<number, Record<string, unknown>>([[4, { summon }]])
    expect(newSummons(states, 9, seen, 101_000)).toHaveLength(1)
    expect(newSummons(states, 9, seen, 101_500)).toHaveLength(0)
    states.set(4, { summon: { ...summon, count: 2, at: 10_000 } })
    expect(newSummons(states, 9, seen, 101_500)).toHaveLength(0)
    expect(newSummons(new Map([[9, { summon: { ...summon, count: 5 } }]]), 9, seen, 100_000)).toHaveLength(0)
  })
})

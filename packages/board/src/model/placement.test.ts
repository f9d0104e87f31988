import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Box, boxesOverlap, freeSpot, Occupancy, PLACEMENT_GAP, placeAll } from './placement.js'

const boxArb: fc.Arbitrary<Box> = fc.record({
  x: fc.integer({ min: -2000, max: 2000 }),
  y: fc.integer({ min: -2000, max: 2000 }),
  width: fc.integer({ min: 60, max: 600 }),
  height: fc.integer({ min: 60, max: 600 }),
})
const wishArb = fc.record({
  near: fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
  width: fc.integer({ min: 60, max: 400 }),
  height: fc.integer({ min: 60, max: 400 }),
})

describe('placement', () => {
  it('[PL1] a placed rectangle never overlaps anything taken, nor the ones placed before it', () => {
    fc.assert(
      fc.property(
        fc.array(boxArb, { maxLength: 60 }),
        fc.array(wishArb, { minLength: 1, maxLength: 30 }),
        (boxes, wishes) => {
          const spots = placeAll(new Occupancy(boxes), wishes)
          const placed = wishes.map((wish, i) => ({ ...spots[i], width: wish.width, height: wish.height }) as Box)
          for (const [i, box] of placed.entries()) {
            for (const other of boxes) expect(boxesOverlap(box, other, PLACEMENT_GAP)).toBe(false)
            for (const other of placed.slice(0, i)) expect(boxesOverlap(box, other, PLACEMENT_GAP)).toBe(false)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('[PL2] a free wish is kept; a taken one moves to the nearest free spot, not far away', () => {
    const taken = new Occupancy([{ x: 0, y: 0, width: 160, height: 160 }])
    expect(freeSpot(taken, { width: 160, height: 160 }, { x: 400, y: 0 })).toEqual({ x: 400, y: 0 })
    const moved = freeSpot(taken, { width: 160, height: 160 }, { x: 0, y: 0 })
    expect(boxesOverlap({ ...moved, width: 160, height: 160 }, { x: 0, y: 0, width: 160, height: 160 }, 16)).toBe(false)
    expect(Math.hypot(moved.x, moved.y)).toBeLessThanOrEqual(2 * 176)
  })

  it('[PL4] of equally near free spots, one reading after the wish wins: notes made at one place read in order', () => {
    const size = { width: 160, height: 160 }
    const wish = { x: 0, y: 0 }
    const spots = placeAll(
      new Occupancy(),
      [1, 2, 3].map(() => ({ ...size, near: wish })),
    )
    // The second goes right of the first (not above or left of it), the third below the first.
    expect(spots).toEqual([
      { x: 0, y: 0 },
      { x: 176, y: 0 },
      { x: 0, y: 176 },
    ])
    // With the right taken, the spot below wins over those above and to the left.
    const taken = new Occupancy([
      { x: 0, y: 0, ...size },
      { x: 176, y: 0, ...size },
    ])
    expect(freeSpot(taken, size, wish)).toEqual({ x: 0, y: 176 })
  })

  it('[PL3] on a crowded board (a 70×70 grid of notes) a spot is found beside the crowd, quickly', () => {
    const boxes: Box[] = []
    for (let i = 0; i < 70; i++)
      for (let j = 0; j < 70; j++) boxes.push({ x: i * 170, y: j * 170, width: 160, height: 160 })
    const taken = new Occupancy(boxes)
    const spot = freeSpot(taken, { width: 160, height: 160 }, { x: 6000, y: 6000 })
    expect(taken.overlaps({ ...spot, width: 160, height: 160 }, PLACEMENT_GAP)).toBe(false)
  })
})

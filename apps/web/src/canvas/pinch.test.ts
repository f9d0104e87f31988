import { describe, expect, it } from 'vitest'
import { MAX_ZOOM } from '../lib/geometry'
import { pinchStep } from './pinch'

const home = { x: 0, y: 0, zoom: 1 }

describe('pinchStep', () => {
  it('[WG1] fingers spreading apart zoom in around the point between them, which stays put', () => {
    const next = pinchStep(
      home,
      [
        { x: 90, y: 100 },
        { x: 110, y: 100 },
      ],
      [
        { x: 80, y: 100 },
        { x: 120, y: 100 },
      ],
    )
    expect(next.zoom).toBeCloseTo(2)
    // The world point under the fingers (100, 100) is still under them.
    expect(next.x + 100 * next.zoom).toBeCloseTo(100)
    expect(next.y + 100 * next.zoom).toBeCloseTo(100)
  })

  it('[WG2] two fingers moving together pan without zooming; the zoom stays within its limits', () => {
    const moved = pinchStep(
      home,
      [
        { x: 0, y: 0 },
        { x: 50, y: 0 },
      ],
      [
        { x: 30, y: 40 },
        { x: 80, y: 40 },
      ],
    )
    expect(moved).toEqual({ x: 30, y: 40, zoom: 1 })
    const far = pinchStep(
      home,
      [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
      ],
      [
        { x: 0, y: 0 },
        { x: 5000, y: 0 },
      ],
    )
    expect(far.zoom).toBe(MAX_ZOOM)
  })
})

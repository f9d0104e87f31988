/** Tests for the viewport maths. */
import { describe, expect, it } from 'vitest'
import {
  boundsOf,
  fitViewport,
  intersects,
  MAX_ZOOM,
  MIN_ZOOM,
  screenToWorld,
  visibleWorldRect,
  wheelPixels,
  zoomAround,
} from './geometry'

describe('viewport geometry', () => {
  it('maps screen to world through pan and zoom', () => {
    expect(screenToWorld({ x: 100, y: 50, zoom: 2 }, { x: 300, y: 250 })).toEqual({ x: 100, y: 100 })
  })

  it('keeps the point under the pointer fixed when zooming', () => {
    const before = { x: 30, y: -20, zoom: 1.5 }
    const anchor = { x: 400, y: 300 }
    const after = zoomAround(before, anchor, 0.5)
    const a = screenToWorld(before, anchor)
    const b = screenToWorld(after, anchor)
    expect(b.x).toBeCloseTo(a.x)
    expect(b.y).toBeCloseTo(a.y)
  })

  it('clamps zoom', () => {
    expect(zoomAround({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 100).zoom).toBe(MAX_ZOOM)
    expect(zoomAround({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 0).zoom).toBe(MIN_ZOOM)
  })

  it('computes the visible world rectangle with a margin', () => {
    expect(visibleWorldRect({ x: -100, y: 0, zoom: 2 }, { width: 800, height: 600 }, 50)).toEqual({
      x: 25,
      y: -25,
      width: 450,
      height: 350,
    })
  })

  it('tests rectangle intersection with open edges', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 }
    expect(intersects(a, { x: 5, y: 5, width: 10, height: 10 })).toBe(true)
    expect(intersects(a, { x: 10, y: 0, width: 10, height: 10 })).toBe(false)
  })

  it('fits bounds into the screen without zooming past 100 %', () => {
    const bounds = boundsOf([
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 1900, y: 900, width: 100, height: 100 },
    ])
    expect(bounds).toEqual({ x: 0, y: 0, width: 2000, height: 1000 })
    if (!bounds) return
    const fitted = fitViewport(bounds, { width: 1000, height: 1000 }, 0)
    expect(fitted.zoom).toBe(0.5)
    expect(screenToWorld(fitted, { x: 500, y: 500 })).toEqual({ x: 1000, y: 500 })
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, { width: 1000, height: 1000 }, 0).zoom).toBe(1)
  })

  it('normalises wheel deltas to pixels', () => {
    expect(wheelPixels({ deltaX: 0, deltaY: 3, deltaMode: 1 }, 800)).toEqual({ x: 0, y: 48 })
    expect(wheelPixels({ deltaX: 1, deltaY: 0, deltaMode: 2 }, 800)).toEqual({ x: 800, y: 0 })
  })
})

/** Tests for the board image's sizing. */
import { describe, expect, it } from 'vitest'
import { boardFrame, imageScale, imageSize, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from './layout'

describe('image size', () => {
  it('frames the board with a margin, or a default area when empty', () => {
    expect(boardFrame({ x: 10, y: 20, width: 100, height: 50 }, 40)).toEqual({
      x: -30,
      y: -20,
      width: 180,
      height: 130,
    })
    expect(boardFrame(null, 40)).toEqual({ x: 0, y: 0, width: 800, height: 600 })
  })

  it('uses the wanted scale for a small board', () => {
    expect(imageScale({ width: 1000, height: 800 }, 2)).toBe(2)
  })

  it('shrinks a large board to stay within canvas limits', () => {
    const wide = { width: 40_000, height: 1000 }
    const scale = imageScale(wide, 2)
    expect(imageSize(wide, scale).width).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
    const big = { width: 8000, height: 8000 }
    const size = imageSize(big, imageScale(big, 2))
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_AREA + 2 * size.width)
  })
})

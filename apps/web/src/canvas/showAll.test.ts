import { describe, expect, it } from 'vitest'
import { READABLE_ZOOM, showAllViewport } from './showAll'

const phone = { width: 390, height: 600 }

describe('showAllViewport', () => {
  it('[WG3] fits a small board as before', () => {
    const view = showAllViewport({ x: 0, y: 0, width: 300, height: 200 }, phone, 20)
    expect(view.zoom).toBe(1)
    expect(view.x).toBe(45)
  })

  it('[WG4] never zooms below where notes keep their text: a big board shows from its top-left corner', () => {
    const view = showAllViewport({ x: 1000, y: 500, width: 5000, height: 400 }, phone, 20)
    expect(view.zoom).toBe(READABLE_ZOOM)
    // Its left edge at the padding; the height (200 screen px) fits, so it is centred that way.
    expect(view.x).toBe(20 - 1000 * READABLE_ZOOM)
    expect(view.y).toBe(300 - 700 * READABLE_ZOOM)
  })

  it('[WG5] fits the board between the floating search and the toolbar, so neither covers a note', () => {
    const bounds = { x: 0, y: 0, width: 300, height: 560 }
    const view = showAllViewport(bounds, phone, 20, { top: 60, bottom: 100 })
    // 440 px are open: 400 after the padding, for 560 px of board.
    expect(view.zoom).toBeCloseTo(400 / 560)
    expect(view.y).toBeCloseTo(60 + 20)
    expect(view.y + bounds.height * view.zoom).toBeCloseTo(phone.height - 100 - 20)
  })

  it("[WG6] fits the board left of the facilitator's panel on a wide screen", () => {
    const laptop = { width: 1440, height: 700 }
    const bounds = { x: 0, y: 0, width: 2000, height: 400 }
    const view = showAllViewport(bounds, laptop, 40, { top: 0, bottom: 0, right: 340 })
    // 1100 px are open: 1020 after the padding, for 2000 px of board.
    expect(view.zoom).toBeCloseTo(1020 / 2000)
    expect(view.x + bounds.width * view.zoom).toBeCloseTo(1440 - 340 - 40)
  })
})

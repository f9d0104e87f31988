import { describe, expect, it } from 'vitest'
import { carriedBounds } from './dragCopies'

describe('carriedBounds', () => {
  it('covers every carried note with room for the ring and the shadow', () => {
    const note = { colour: 'yellow', text: '', byline: '' } as const
    const bounds = carriedBounds([
      { ...note, x: 100, y: 50, width: 160, height: 160 },
      { ...note, x: -40, y: 300, width: 200, height: 100 },
    ])
    expect(bounds.x).toBeLessThan(-40)
    expect(bounds.y).toBeLessThan(50)
    expect(bounds.x + bounds.width).toBeGreaterThan(260)
    expect(bounds.y + bounds.height).toBeGreaterThan(400)
  })
})

import { describe, expect, it } from 'vitest'
import { carriedBounds, wrapText } from './dragCopies'

// A monospace stand-in for measureText: every character is 10 units wide.
const measure = (text: string) => text.length * 10

describe('wrapText', () => {
  it('fills each line with whole words', () => {
    expect(wrapText('we should try a shorter onboarding', 120, 10, measure)).toEqual([
      'we should',
      'try a',
      'shorter',
      'onboarding',
    ])
  })

  it('breaks a word longer than the line where it overflows', () => {
    expect(wrapText('kommunfullmäktige', 60, 10, measure)).toEqual(['kommun', 'fullmä', 'ktige'])
  })

  it('cuts a pasted run without spaces into the lines that fit, measuring little', () => {
    let calls = 0
    const counted = (text: string) => {
      calls++
      return measure(text)
    }
    expect(wrapText('x'.repeat(5000), 100, 3, counted)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10)])
    expect(calls).toBeLessThan(100)
  })

  it('keeps line breaks and stops at the lines that fit in the note', () => {
    expect(wrapText('ett\ntvå\ntre\nfyra', 100, 3, measure)).toEqual(['ett', 'två', 'tre'])
    expect(wrapText('', 100, 3, measure)).toEqual([''])
  })
})

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

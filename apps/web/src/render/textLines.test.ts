/** Tests for note text laid out as lines for a canvas. */
import { describe, expect, it } from 'vitest'
import { clampLines, wrapText } from './textLines'

/** Every grapheme is 10 units wide, like a monospace font. */
const measure = (text: string) => [...new Intl.Segmenter().segment(text)].length * 10

describe('wrapText', () => {
  it('wraps at word boundaries and keeps the text’s own line breaks', () => {
    expect(wrapText('Hej, "världen" och mer', 100, measure)).toEqual(['Hej,', '"världen"', 'och mer'])
    expect(wrapText('rad ett\nrad två\r\n\nslut', 100, measure)).toEqual(['rad ett', 'rad två', '', 'slut'])
  })

  it('breaks a word longer than a line without splitting emoji or accented letters', () => {
    const family = '👨‍👩‍👧'
    const decomposed = 'a\u0308'
    const lines = wrapText(`${family.repeat(5)}${decomposed.repeat(4)}`, 40, measure)
    expect(lines).toEqual([family.repeat(4), `${family}${decomposed.repeat(3)}`, decomposed])
  })

  it('continues after a broken word on the same line when it fits', () => {
    expect(wrapText('abcdefg hi', 50, measure)).toEqual(['abcde', 'fg hi'])
  })

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 100, measure)).toEqual([''])
  })
})

describe('clampLines', () => {
  it('leaves short text alone', () => {
    expect(clampLines(['a', 'b'], 3, 50, measure)).toEqual(['a', 'b'])
  })

  it('ends cut text with an ellipsis that fits the line', () => {
    expect(clampLines(['abcde', 'fghij', 'klm'], 2, 50, measure)).toEqual(['abcde', 'fghi…'])
    expect(clampLines(['ab cd', 'x'], 1, 50, measure)).toEqual(['ab c…'])
    expect(clampLines(['a', 'b'], 0, 50, measure)).toEqual([])
  })
})

describe('wrapText with a line limit (carried notes)', () => {
  it('fills each line with whole words', () => {
    expect(wrapText('we should try a shorter onboarding', 120, measure, 10)).toEqual([
      'we should',
      'try a',
      'shorter',
      'onboarding',
    ])
  })

  it('breaks a word longer than the line where it overflows', () => {
    expect(wrapText('kommunfullmäktige', 60, measure, 10)).toEqual(['kommun', 'fullmä', 'ktige'])
  })

  it('cuts a pasted run without spaces into the lines that fit, measuring little', () => {
    let calls = 0
    const counted = (text: string) => {
      calls++
      return measure(text)
    }
    expect(wrapText('x'.repeat(5000), 100, counted, 3)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10)])
    expect(calls).toBeLessThan(100)
  })

  it('keeps line breaks and stops at the lines that fit in the note', () => {
    expect(wrapText('ett\ntvå\ntre\nfyra', 100, measure, 3)).toEqual(['ett', 'två', 'tre'])
    expect(wrapText('', 100, measure, 3)).toEqual([''])
  })
})

/** Tests for the board image's text wrapping and sizing. */
import { describe, expect, it } from 'vitest'
import { boardFrame, clampLines, imageScale, imageSize, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, wrapText } from './layout'

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

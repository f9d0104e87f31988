/** Tests for setting a note's text in the board image. */
import { describe, expect, it } from 'vitest'
import { fitNoteText } from './noteText'

// Every character is as wide as 0.6 of the font size: a monospaced stand-in for the canvas.
const measureAt = (size: number) => (text: string) => [...text].length * size * 0.6

describe('fitNoteText', () => {
  it('[WX8] wraps at word boundaries, setting a long word smaller instead of splitting it', () => {
    // 136 wide: "medborgarkontoret" (17 characters) is 163 at 16 px and fits from 13 px down.
    const fitted = fitNoteText('Ett nytt medborgarkontoret i Kiruna', 136, 136, measureAt, 16, 10)
    expect(fitted.fontSize).toBe(13)
    expect(fitted.lines).toEqual(['Ett nytt', 'medborgarkontoret', 'i Kiruna'])
    expect(fitted.lines.join(' ')).toBe('Ett nytt medborgarkontoret i Kiruna')
  })

  it('[WX8] keeps the largest type when everything fits, and cuts only text too long at the smallest', () => {
    expect(fitNoteText('Fler e-tjänster', 136, 136, measureAt, 16, 10)).toEqual({
      fontSize: 16,
      lineHeight: 16 * 1.35,
      lines: ['Fler', 'e-tjänster'],
    })
    const long = fitNoteText('ord '.repeat(400), 136, 136, measureAt, 16, 10)
    expect(long.fontSize).toBe(10)
    expect(long.lines.at(-1)?.endsWith('…')).toBe(true)
  })

  it('[WX8] divides a word too wide even in the smallest type with a hyphen at the line end', () => {
    // 136 wide at 10 px: 22 characters a line (6 px each), a hyphen included.
    const fitted = fitNoteText('Kollektivtrafikförsörjningsprogrammet ses över', 136, 136, measureAt, 16, 10)
    expect(fitted.fontSize).toBe(10)
    expect(fitted.lines).toEqual(['Kollektivtrafikförsör-', 'jningsprogrammet ses', 'över'])
  })
})

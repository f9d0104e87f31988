/**
 * A note's text as the image draws it: in the largest type, from the note's own size down to a
 * floor, at which every word fits on a line and every line fits on the note — so a long Swedish
 * compound ("medborgarkontoret") is set smaller rather than split in the middle. Only a word too wide
 * even at the floor is divided, with a hyphen at the line's end, and only text too long even then is
 * cut with "…".
 */
import { clampLines, type Measure, wrapText } from '../../render/textLines'

export interface FittedText {
  readonly fontSize: number
  readonly lineHeight: number
  readonly lines: readonly string[]
}

export const LINE_SPACING = 1.35

/** Fits `text` into `width` × `height`; `measureAt(size)` measures in the note's font at that size. */
export function fitNoteText(
  text: string,
  width: number,
  height: number,
  measureAt: (fontSize: number) => Measure,
  largest: number,
  smallest: number,
): FittedText {
  const words = text.split(/\s+/).filter((word) => word !== '')
  for (let fontSize = largest; fontSize >= smallest; fontSize--) {
    const measure = measureAt(fontSize)
    const lineHeight = fontSize * LINE_SPACING
    const maxLines = Math.max(1, Math.floor(height / lineHeight))
    if (words.some((word) => measure(word) > width)) continue
    const lines = wrapText(text, width, measure, maxLines + 1)
    if (lines.length <= maxLines) return { fontSize, lineHeight, lines }
  }
  const measure = measureAt(smallest)
  const lineHeight = smallest * LINE_SPACING
  const maxLines = Math.max(1, Math.floor(height / lineHeight))
  const hyphenated = text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .split(/([ \t]+)/)
        .map((part) => (measure(part) > width ? hyphenate(part, width, measure).join(' ') : part))
        .join(''),
    )
    .join('\n')
  const lines = clampLines(wrapText(hyphenated, width, measure, maxLines + 1), maxLines, width, measure)
  return { fontSize: smallest, lineHeight, lines }
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * A word too wide for a line in pieces that fit, each but the last ending in a hyphen, as a word
 * divided at a line's end is written ("Kollektivtrafikförsörjnings-" "programmet"). Every piece but
 * the last fills its line, so no two of them share one.
 */
function hyphenate(word: string, width: number, measure: Measure): string[] {
  const letters = [...segmenter.segment(word)].map((part) => part.segment)
  const pieces: string[] = []
  let start = 0
  while (start < letters.length) {
    if (measure(letters.slice(start).join('')) <= width) {
      pieces.push(letters.slice(start).join(''))
      break
    }
    let end = start + 1
    while (end + 1 < letters.length && measure(`${letters.slice(start, end + 1).join('')}-`) <= width) end++
    pieces.push(`${letters.slice(start, end).join('')}-`)
    start = end
  }
  return pieces
}

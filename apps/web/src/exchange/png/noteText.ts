/**
 * A note's text as the image draws it: in the largest type, from the note's own size down to a
 * floor, at which every word fits on a line and every line fits on the note — so a long Swedish
 * compound ("medborgarkontoret") is set smaller rather than split in the middle. Only a word too wide
 * even at the floor (a pasted link) is split, and only text too long even then is cut with "…".
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
  const lines = clampLines(wrapText(text, width, measure, maxLines + 1), maxLines, width, measure)
  return { fontSize: smallest, lineHeight, lines }
}

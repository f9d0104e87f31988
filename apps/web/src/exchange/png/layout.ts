/**
 * The arithmetic of a board image, free of any canvas: wrapping note text into lines that fit
 * (never splitting an emoji or an accented letter), cutting it with an ellipsis where the note
 * ends, and choosing the part of the board to draw and how large, within what browsers can paint.
 */
import type { Rect, Size } from '../../canvas/geometry'

/** Width of a piece of text in the font it will be drawn in. */
export type Measure = (text: string) => number

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((part) => part.segment)
}

/** Splits a word wider than a line into pieces that fit, the last piece left open for more text. */
function breakWord(word: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const grapheme of graphemes(word)) {
    if (piece !== '' && measure(piece + grapheme) > maxWidth) {
      pieces.push(piece)
      piece = grapheme
    } else {
      piece += grapheme
    }
  }
  pieces.push(piece)
  return pieces
}

/** Every line of the text as it wraps at `maxWidth`; line breaks in the text are kept. */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = ''
    for (const word of paragraph.split(/[ \t]+/).filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (measure(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line !== '') lines.push(line)
      const pieces = breakWord(word, maxWidth, measure)
      lines.push(...pieces.slice(0, -1))
      line = pieces.at(-1) ?? ''
    }
    lines.push(line)
  }
  return lines
}

const ELLIPSIS = '…'

/** At most `maxLines` lines; when text is cut, the last line ends in an ellipsis that fits. */
export function clampLines(lines: readonly string[], maxLines: number, maxWidth: number, measure: Measure): string[] {
  if (lines.length <= maxLines) return [...lines]
  if (maxLines <= 0) return []
  const kept = lines.slice(0, maxLines)
  const last = graphemes(kept[maxLines - 1] ?? '')
  while (last.length > 0 && measure(`${last.join('')}${ELLIPSIS}`) > maxWidth) last.pop()
  kept[maxLines - 1] = `${last.join('').trimEnd()}${ELLIPSIS}`
  return kept
}

/** The whole board: everything drawn, with a margin, or an empty default area for an empty board. */
export function boardFrame(bounds: Rect | null, margin: number): Rect {
  if (!bounds) return { x: 0, y: 0, width: 800, height: 600 }
  return {
    x: bounds.x - margin,
    y: bounds.y - margin,
    width: bounds.width + 2 * margin,
    height: bounds.height + 2 * margin,
  }
}

/** Browsers refuse larger canvases (or paint them blank); these stay safe in every current one. */
export const MAX_CANVAS_SIDE = 8192
export const MAX_CANVAS_AREA = 32 * 1024 * 1024

/** Pixels per world unit: `wanted`, but small enough that the image stays within the limits. */
export function imageScale(frame: Size, wanted: number): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(frame.width, frame.height, 1)
  const byArea = Math.sqrt(MAX_CANVAS_AREA / Math.max(frame.width * frame.height, 1))
  return Math.min(wanted, bySide, byArea)
}

export function imageSize(frame: Size, scale: number): Size {
  return { width: Math.max(1, Math.round(frame.width * scale)), height: Math.max(1, Math.round(frame.height * scale)) }
}

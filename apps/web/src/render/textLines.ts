/**
 * Note text as lines on a canvas, free of any canvas: wrapping into lines that fit (never splitting
 * an emoji or an accented letter) and cutting with an ellipsis where the note ends. Used wherever
 * notes are drawn rather than laid out by the browser: the PNG export and carried notes.
 */

/** Width of a piece of text in the font it will be drawn in. */
export type Measure = (text: string) => number

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((part) => part.segment)
}

/** How many of `parts` (at least one) fit on a line together, found by halving: few measurements for a long word. */
function fittingCount(parts: readonly string[], maxWidth: number, measure: Measure): number {
  let fits = 1
  let tooMany = parts.length + 1
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2)
    if (measure(parts.slice(0, middle).join('')) <= maxWidth) fits = middle
    else tooMany = middle
  }
  return fits
}

/**
 * Splits a word wider than a line into pieces that fit, the last piece left open for more text;
 * at most `maxPieces` pieces (a pasted run of thousands of characters is not measured to its end).
 */
function breakWord(word: string, maxWidth: number, measure: Measure, maxPieces: number): string[] {
  const pieces: string[] = []
  let rest = graphemes(word)
  while (rest.length > 0 && pieces.length < maxPieces) {
    const count = measure(rest.join('')) <= maxWidth ? rest.length : fittingCount(rest, maxWidth, measure)
    pieces.push(rest.slice(0, count).join(''))
    rest = rest.slice(count)
  }
  return pieces
}

/**
 * The lines of the text as it wraps at `maxWidth`, line breaks in the text kept; only the first
 * `maxLines` when given (ask for one more than will be shown to learn whether the text was cut).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: Measure,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
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
      if (lines.length >= maxLines) return lines.slice(0, maxLines)
      const pieces = breakWord(word, maxWidth, measure, maxLines - lines.length)
      lines.push(...pieces.slice(0, -1))
      line = pieces.at(-1) ?? ''
    }
    lines.push(line)
    if (lines.length >= maxLines) return lines.slice(0, maxLines)
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

/**
 * Carried notes drawn on one <canvas>, for drags below full detail: picking up hundreds of notes then
 * costs one bitmap instead of styling, laying out and painting a DOM copy of each. Drawn as the
 * compact note in notes.css: paper, the author line, the text wrapped to the note, and the selection
 * ring, in world units, so the notes layer's zoom scales the canvas like the notes around it.
 */
import type { NoteSnapshot } from '@samla/board'
import { boundsOf, type Rect } from '../canvas/geometry'
import { NOTE_PAPER } from './notePaper'

export interface CarriedNote extends Pick<NoteSnapshot, 'x' | 'y' | 'width' | 'height' | 'colour' | 'text'> {
  /** The author line as the note shows it. */
  readonly byline: string
}

/** Room around the notes for the selection ring and the lifted shadow. */
const BLEED = 24
/** The largest canvas side in device pixels: a huge selection is drawn a little softer, never refused. */
const MAX_PIXELS = 4096

// The compact note in notes.css, in world units (1rem = 16).
const PADDING_X = 8
const PADDING_TOP = 5
const HEADER_HEIGHT = 28
const TEXT_INSET = 3
const TEXT_SIZE = 16
const LINE_HEIGHT = TEXT_SIZE * 1.35
const AUTHOR_SIZE = 12
const RADIUS = 4

/** Where the canvas goes, in world units: around all the carried notes. */
export function carriedBounds(notes: readonly CarriedNote[]): Rect {
  const bounds = boundsOf(notes) ?? { x: 0, y: 0, width: 0, height: 0 }
  return {
    x: bounds.x - BLEED,
    y: bounds.y - BLEED,
    width: bounds.width + 2 * BLEED,
    height: bounds.height + 2 * BLEED,
  }
}

/** How many of `word`'s first characters fit in `maxWidth` (at least one), found by halving. */
function longestFitting(word: string, maxWidth: number, measure: (s: string) => number): number {
  let fits = 1
  let tooLong = word.length
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2)
    if (measure(word.slice(0, middle)) <= maxWidth) fits = middle
    else tooLong = middle
  }
  return fits
}

/** Greedy word wrap; a word wider than the line is broken where it overflows, as overflow-wrap: anywhere does. */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      line = word
      while (measure(line) > maxWidth && line.length > 1 && lines.length < maxLines) {
        const cut = longestFitting(line, maxWidth, measure)
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
      if (lines.length >= maxLines) return lines.slice(0, maxLines)
    }
    lines.push(line)
    if (lines.length >= maxLines) return lines.slice(0, maxLines)
  }
  return lines
}

/** What the page's styles decide: its font and colours (the selection ring follows the theme). */
export interface CarriedLook {
  readonly fontFamily: string
  readonly accent: string
  readonly author: string
  readonly text: string
}

/** Sizes `canvas` to `bounds` at `zoom` and draws the notes on it. */
export function drawCarried(
  canvas: HTMLCanvasElement,
  notes: readonly CarriedNote[],
  bounds: Rect,
  zoom: number,
  look: CarriedLook,
): void {
  const wanted = zoom * (window.devicePixelRatio || 1)
  const scale = Math.min(wanted, MAX_PIXELS / Math.max(bounds.width, bounds.height, 1))
  canvas.width = Math.max(1, Math.ceil(bounds.width * scale))
  canvas.height = Math.max(1, Math.ceil(bounds.height * scale))
  const context = canvas.getContext('2d')
  if (!context) return
  context.setTransform(scale, 0, 0, scale, -bounds.x * scale, -bounds.y * scale)
  const authorFont = `${AUTHOR_SIZE}px ${look.fontFamily}`
  const textFont = `${TEXT_SIZE}px ${look.fontFamily}`
  for (const note of notes) {
    context.save()
    context.shadowColor = 'rgb(40 30 10 / 0.18)'
    context.shadowBlur = 16 * scale
    context.shadowOffsetY = 6 * scale
    context.fillStyle = NOTE_PAPER[note.colour] ?? NOTE_PAPER.yellow
    context.beginPath()
    context.roundRect(note.x, note.y, note.width, note.height, RADIUS)
    context.fill()
    context.restore()
    context.strokeStyle = look.accent
    context.lineWidth = 2
    context.beginPath()
    context.roundRect(note.x - 1, note.y - 1, note.width + 2, note.height + 2, RADIUS + 1)
    context.stroke()

    const inner = note.width - 2 * PADDING_X
    context.save()
    context.beginPath()
    context.rect(note.x, note.y, note.width, note.height)
    context.clip()
    context.textBaseline = 'middle'
    context.font = authorFont
    context.fillStyle = look.author
    context.fillText(note.byline, note.x + PADDING_X + 16, note.y + PADDING_TOP + HEADER_HEIGHT / 2, inner - 16)
    context.font = textFont
    context.fillStyle = look.text
    context.textBaseline = 'top'
    const top = note.y + PADDING_TOP + HEADER_HEIGHT + TEXT_INSET
    const maxLines = Math.max(0, Math.floor((note.y + note.height - top) / LINE_HEIGHT))
    const measure = (s: string) => context.measureText(s).width
    wrapText(note.text, inner - 2 * TEXT_INSET, maxLines, measure).forEach((line, i) => {
      context.fillText(line, note.x + PADDING_X + TEXT_INSET, top + i * LINE_HEIGHT + (LINE_HEIGHT - TEXT_SIZE) / 2)
    })
    context.restore()
  }
}

/**
 * Carried notes drawn on one <canvas>, for drags below full detail: picking up hundreds of notes then
 * costs one bitmap instead of styling, laying out and painting a DOM copy of each. Drawn as the
 * compact note in notes.css: paper, the author line, the text wrapped to the note, and the selection
 * ring, in world units, so the notes layer's zoom scales the canvas like the notes around it.
 */
import type { NoteSnapshot } from '@samla/board'
import { boundsOf, type Rect } from '../lib/geometry'
import { NOTE_PAPER } from './notePaper'
import { clampLines, wrapText } from './textLines'

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
// Notes are light paper in every theme, with these inks.
const AUTHOR_COLOUR = '#45423b'
const TEXT_COLOUR = '#1e1e1e'

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

/** What the page's styles decide, read from a rendered note: its font and its selection ring's colour. */
export interface CarriedLook {
  readonly fontFamily: string
  readonly accent: string
}

/** A canvas holding `notes` drawn at `zoom`, placed over them in world units. */
export function carriedCanvas(notes: readonly CarriedNote[], zoom: number, look: CarriedLook): HTMLCanvasElement {
  const bounds = carriedBounds(notes)
  const canvas = document.createElement('canvas')
  canvas.className = 'notes-drag-canvas'
  Object.assign(canvas.style, {
    transform: `translate(${bounds.x}px, ${bounds.y}px)`,
    width: `${bounds.width}px`,
    height: `${bounds.height}px`,
  })
  drawCarried(canvas, notes, bounds, zoom, look)
  return canvas
}

function drawCarried(
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
    context.fillStyle = AUTHOR_COLOUR
    context.fillText(note.byline, note.x + PADDING_X + 16, note.y + PADDING_TOP + HEADER_HEIGHT / 2, inner - 16)
    context.font = textFont
    context.fillStyle = TEXT_COLOUR
    context.textBaseline = 'top'
    const top = note.y + PADDING_TOP + HEADER_HEIGHT + TEXT_INSET
    const maxLines = Math.max(0, Math.floor((note.y + note.height - top) / LINE_HEIGHT))
    const measure = (s: string) => context.measureText(s).width
    const width = inner - 2 * TEXT_INSET
    const lines = clampLines(wrapText(note.text, width, measure, maxLines + 1), maxLines, width, measure)
    lines.forEach((line, i) => {
      context.fillText(line, note.x + PADDING_X + TEXT_INSET, top + i * LINE_HEIGHT + (LINE_HEIGHT - TEXT_SIZE) / 2)
    })
    context.restore()
  }
}

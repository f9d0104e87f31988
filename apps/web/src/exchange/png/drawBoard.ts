/**
 * Paints a board onto a 2D canvas the way the app shows it: the canvas colour, cluster areas in
 * their tint with their names, and notes as coloured cards with their text (wrapped at word
 * boundaries, see noteText.ts) and, once dots were placed, each note's dots in a badge. Drawn from the
 * board model, not from the page, so nothing off screen is missed and no library is needed.
 */
import type { ClusterSnapshot, NoteSnapshot } from '@samla/board'
import { intersects, type Rect } from '../../lib/geometry'
import { NOTE_PAPER } from '../../render/notePaper'
import { clampLines, type Measure, wrapText } from '../../render/textLines'
import { fitNoteText } from './noteText'

export interface BoardScene {
  /** The world area drawn. */
  readonly frame: Rect
  /** Pixels per world unit. */
  readonly scale: number
  readonly clusters: readonly ClusterSnapshot[]
  /** Bottom of the stack first. */
  readonly notes: readonly NoteSnapshot[]
  /** Each note's dots, when this person may see them; notes without dots get no badge. */
  readonly dots?: ReadonlyMap<string, number>
  /** The words of a badge, e.g. "3 prickar". */
  readonly dotsLabel?: (count: number) => string
}

const CANVAS = '#efebe3'
const INK = '#1e1e1e'
const CLUSTER_EDGE = '#a89f8e'
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

const NOTE_PADDING = 12
const NOTE_FONT_SIZE = 16
/** The smallest type a note's text is set in to keep its words whole. */
const NOTE_MIN_FONT_SIZE = 10
const BADGE_FONT_SIZE = 13
const BADGE_HEIGHT = 22
const CLUSTER_FONT_SIZE = 20
const CLUSTER_PADDING = 16
const CLUSTER_HEADER = 48
const CORNER = 4

function roundedRect(ctx: CanvasRenderingContext2D, rect: Rect, radius: number): void {
  ctx.beginPath()
  ctx.roundRect(rect.x, rect.y, rect.width, rect.height, radius)
}

function drawCluster(ctx: CanvasRenderingContext2D, cluster: ClusterSnapshot, measure: Measure): void {
  ctx.globalAlpha = 0.45
  ctx.fillStyle = NOTE_PAPER[cluster.colour]
  roundedRect(ctx, cluster, 12)
  ctx.fill()
  ctx.globalAlpha = 1
  ctx.lineWidth = 2
  ctx.strokeStyle = CLUSTER_EDGE
  ctx.stroke()
  ctx.font = `600 ${CLUSTER_FONT_SIZE}px ${FONT_FAMILY}`
  ctx.fillStyle = INK
  const width = cluster.width - 2 * CLUSTER_PADDING
  const [name = ''] = clampLines(wrapText(cluster.name, width, measure), 1, width, measure)
  ctx.fillText(name, cluster.x + CLUSTER_PADDING, cluster.y + (CLUSTER_HEADER + CLUSTER_FONT_SIZE) / 2 - 2)
}

function drawNote(ctx: CanvasRenderingContext2D, note: NoteSnapshot, dotsBadge: string | null): void {
  ctx.shadowColor = 'rgb(40 30 10 / 0.18)'
  ctx.shadowBlur = 6
  ctx.shadowOffsetY = 2
  ctx.fillStyle = NOTE_PAPER[note.colour]
  roundedRect(ctx, note, CORNER)
  ctx.fill()
  ctx.shadowColor = 'transparent'
  const width = note.width - 2 * NOTE_PADDING
  // A badge takes the note's last line.
  const height = note.height - 2 * NOTE_PADDING - (dotsBadge ? BADGE_HEIGHT + 4 : 0)
  const measureAt = (size: number): Measure => {
    ctx.font = `${size}px ${FONT_FAMILY}`
    return (text) => ctx.measureText(text).width
  }
  const text = fitNoteText(note.text, width, height, measureAt, NOTE_FONT_SIZE, NOTE_MIN_FONT_SIZE)
  ctx.font = `${text.fontSize}px ${FONT_FAMILY}`
  ctx.fillStyle = INK
  text.lines.forEach((line, i) => {
    ctx.fillText(line, note.x + NOTE_PADDING, note.y + NOTE_PADDING + text.fontSize + i * text.lineHeight)
  })
  if (dotsBadge) drawDotsBadge(ctx, note, dotsBadge)
}

/** "3 prickar" in a dark pill at the note's bottom right: white on near-black reads on every paper. */
function drawDotsBadge(ctx: CanvasRenderingContext2D, note: NoteSnapshot, label: string): void {
  ctx.font = `700 ${BADGE_FONT_SIZE}px ${FONT_FAMILY}`
  const width = ctx.measureText(label).width + 16
  const x = note.x + note.width - NOTE_PADDING + 4 - width
  const y = note.y + note.height - NOTE_PADDING + 4 - BADGE_HEIGHT
  ctx.fillStyle = INK
  roundedRect(ctx, { x, y, width, height: BADGE_HEIGHT }, BADGE_HEIGHT / 2)
  ctx.fill()
  ctx.fillStyle = '#ffffff'
  ctx.fillText(label, x + 8, y + BADGE_HEIGHT / 2 + BADGE_FONT_SIZE * 0.35)
}

export function drawBoard(ctx: CanvasRenderingContext2D, scene: BoardScene): void {
  const { frame, scale } = scene
  ctx.fillStyle = CANVAS
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  ctx.setTransform(scale, 0, 0, scale, -frame.x * scale, -frame.y * scale)
  ctx.textBaseline = 'alphabetic'
  const measure: Measure = (text) => ctx.measureText(text).width
  for (const cluster of scene.clusters) if (intersects(cluster, frame)) drawCluster(ctx, cluster, measure)
  for (const note of scene.notes) {
    if (!intersects(note, frame)) continue
    const dots = scene.dots?.get(note.id) ?? 0
    drawNote(ctx, note, dots > 0 && scene.dotsLabel ? scene.dotsLabel(dots) : null)
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0)
}

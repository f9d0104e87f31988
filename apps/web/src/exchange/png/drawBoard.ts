/**
 * Paints a board onto a 2D canvas the way the app shows it: the canvas colour, cluster areas in
 * their tint with their names, and notes as coloured cards with their wrapped text. Drawn from the
 * board model, not from the page, so nothing off screen is missed and no library is needed.
 */
import type { ClusterSnapshot, NoteSnapshot } from '@samla/board'
import { intersects, type Rect } from '../../lib/geometry'
import { NOTE_PAPER } from '../../render/notePaper'
import { clampLines, type Measure, wrapText } from '../../render/textLines'

export interface BoardScene {
  /** The world area drawn. */
  readonly frame: Rect
  /** Pixels per world unit. */
  readonly scale: number
  readonly clusters: readonly ClusterSnapshot[]
  /** Bottom of the stack first. */
  readonly notes: readonly NoteSnapshot[]
}

const CANVAS = '#efebe3'
const INK = '#1e1e1e'
const CLUSTER_EDGE = '#a89f8e'
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

const NOTE_PADDING = 12
const NOTE_FONT_SIZE = 16
const NOTE_LINE_HEIGHT = NOTE_FONT_SIZE * 1.35
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

function drawNote(ctx: CanvasRenderingContext2D, note: NoteSnapshot, measure: Measure): void {
  ctx.shadowColor = 'rgb(40 30 10 / 0.18)'
  ctx.shadowBlur = 6
  ctx.shadowOffsetY = 2
  ctx.fillStyle = NOTE_PAPER[note.colour]
  roundedRect(ctx, note, CORNER)
  ctx.fill()
  ctx.shadowColor = 'transparent'
  ctx.font = `${NOTE_FONT_SIZE}px ${FONT_FAMILY}`
  ctx.fillStyle = INK
  const width = note.width - 2 * NOTE_PADDING
  const maxLines = Math.floor((note.height - 2 * NOTE_PADDING) / NOTE_LINE_HEIGHT)
  const lines = clampLines(wrapText(note.text, width, measure), maxLines, width, measure)
  lines.forEach((line, i) => {
    ctx.fillText(line, note.x + NOTE_PADDING, note.y + NOTE_PADDING + NOTE_FONT_SIZE + i * NOTE_LINE_HEIGHT)
  })
}

export function drawBoard(ctx: CanvasRenderingContext2D, scene: BoardScene): void {
  const { frame, scale } = scene
  ctx.fillStyle = CANVAS
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  ctx.setTransform(scale, 0, 0, scale, -frame.x * scale, -frame.y * scale)
  ctx.textBaseline = 'alphabetic'
  const measure: Measure = (text) => ctx.measureText(text).width
  for (const cluster of scene.clusters) if (intersects(cluster, frame)) drawCluster(ctx, cluster, measure)
  for (const note of scene.notes) if (intersects(note, frame)) drawNote(ctx, note, measure)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
}

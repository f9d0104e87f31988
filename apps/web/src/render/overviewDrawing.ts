/**
 * Drawing and hit-testing of the overview: at block level every note is a coloured rectangle on a
 * single <canvas> the size of the visible area, redrawn at most once a frame. The last drawing is
 * kept so a click on the canvas can find the note under the pointer (topmost first).
 */
import type { NoteLayout } from '@samla/board'
import { type Point, screenToWorld, type Viewport } from '../lib/geometry'
import { NOTE_PAPER } from './notePaper'

export interface OverviewScene {
  readonly notes: readonly NoteLayout[]
  readonly viewport: Viewport
}

let lastScene: OverviewScene | null = null

export function drawOverview(canvas: HTMLCanvasElement, scene: OverviewScene, width: number, height: number): void {
  lastScene = scene
  const ratio = window.devicePixelRatio || 1
  const pixelWidth = Math.max(1, Math.round(width * ratio))
  const pixelHeight = Math.max(1, Math.round(height * ratio))
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight
  const context = canvas.getContext('2d', { alpha: true })
  if (!context) return
  const { x, y, zoom } = scene.viewport
  context.setTransform(1, 0, 0, 1, 0, 0)
  context.clearRect(0, 0, pixelWidth, pixelHeight)
  context.setTransform(zoom * ratio, 0, 0, zoom * ratio, x * ratio, y * ratio)
  const left = -x / zoom
  const top = -y / zoom
  const right = left + width / zoom
  const bottom = top + height / zoom
  let fill = ''
  for (const note of scene.notes) {
    if (note.x > right || note.y > bottom || note.x + note.width < left || note.y + note.height < top) continue
    const colour = NOTE_PAPER[note.colour] ?? NOTE_PAPER.yellow
    if (colour !== fill) {
      fill = colour
      context.fillStyle = colour
    }
    context.fillRect(note.x, note.y, note.width, note.height)
  }
}

export function clearOverview(): void {
  lastScene = null
}

/** The topmost note drawn on the overview under `point` (canvas pixels), if the overview is showing. */
export function overviewNoteAt(point: Point): string | null {
  if (!lastScene) return null
  const world = screenToWorld(lastScene.viewport, point)
  const { notes } = lastScene
  for (let i = notes.length - 1; i >= 0; i--) {
    const note = notes[i]
    if (!note) continue
    if (world.x >= note.x && world.x <= note.x + note.width && world.y >= note.y && world.y <= note.y + note.height)
      return note.id
  }
  return null
}

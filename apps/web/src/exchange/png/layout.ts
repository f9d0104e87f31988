/**
 * The arithmetic of a board image, free of any canvas: choosing the part of the board to draw and
 * how large, within what browsers can paint. Its text is laid out by render/textLines.ts.
 */
import type { Rect, Size } from '../../lib/geometry'

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

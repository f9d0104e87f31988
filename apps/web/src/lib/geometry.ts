/**
 * Viewport maths for the infinite canvas. A viewport maps world to screen as
 * screen = world × zoom + (x, y), so the notes layer needs exactly one CSS transform.
 */
export interface Point {
  readonly x: number
  readonly y: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Rect extends Point, Size {}

export interface Viewport extends Point {
  readonly zoom: number
}

export const MIN_ZOOM = 0.1
export const MAX_ZOOM = 4
export const HOME_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 }

function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom))
}

export function screenToWorld(viewport: Viewport, point: Point): Point {
  return { x: (point.x - viewport.x) / viewport.zoom, y: (point.y - viewport.y) / viewport.zoom }
}

/** Changes the zoom while the world point under `anchor` (a screen point) stays under it. */
/** A drag's offset on screen as whole world units at this zoom. */
export function dragOffset(delta: Point, zoom: number): { readonly dx: number; readonly dy: number } {
  return { dx: Math.round(delta.x / zoom), dy: Math.round(delta.y / zoom) }
}

export function zoomAround(viewport: Viewport, anchor: Point, zoom: number): Viewport {
  const next = clampZoom(zoom)
  const world = screenToWorld(viewport, anchor)
  return { x: anchor.x - world.x * next, y: anchor.y - world.y * next, zoom: next }
}

/** The world rectangle on screen, grown by `margin` screen pixels on every side. */
export function visibleWorldRect(viewport: Viewport, size: Size, margin: number): Rect {
  const topLeft = screenToWorld(viewport, { x: -margin, y: -margin })
  return {
    x: topLeft.x,
    y: topLeft.y,
    width: (size.width + 2 * margin) / viewport.zoom,
    height: (size.height + 2 * margin) / viewport.zoom,
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  let left = Number.POSITIVE_INFINITY
  let top = Number.POSITIVE_INFINITY
  let right = Number.NEGATIVE_INFINITY
  let bottom = Number.NEGATIVE_INFINITY
  for (const rect of rects) {
    left = Math.min(left, rect.x)
    top = Math.min(top, rect.y)
    right = Math.max(right, rect.x + rect.width)
    bottom = Math.max(bottom, rect.y + rect.height)
  }
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** A viewport showing all of `bounds` with `padding` screen pixels around it, never zoomed in past 100 %. */
export function fitViewport(bounds: Rect, size: Size, padding: number): Viewport {
  const zoom = clampZoom(
    Math.min(
      1,
      (size.width - 2 * padding) / Math.max(bounds.width, 1),
      (size.height - 2 * padding) / Math.max(bounds.height, 1),
    ),
  )
  return {
    x: size.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  }
}

const LINE_HEIGHT_PX = 16

/** Wheel deltas in pixels, whatever unit the device reported them in. */
export function wheelPixels(event: Pick<WheelEvent, 'deltaX' | 'deltaY' | 'deltaMode'>, pageHeight: number): Point {
  const unit = event.deltaMode === 1 ? LINE_HEIGHT_PX : event.deltaMode === 2 ? pageHeight : 1
  return { x: event.deltaX * unit, y: event.deltaY * unit }
}

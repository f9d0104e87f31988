/**
 * Two fingers on the board: their spread zooms around the point between them, and that point's
 * travel pans, so the board stays under the fingers as on a map.
 */
import { type Point, type Viewport, zoomAround } from '../lib/geometry'

export type FingerPair = readonly [Point, Point]

const middle = ([a, b]: FingerPair): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })
const spread = ([a, b]: FingerPair): number => Math.hypot(a.x - b.x, a.y - b.y)

/** The viewport after the fingers moved from `before` to `after` (points on the canvas). */
export function pinchStep(viewport: Viewport, before: FingerPair, after: FingerPair): Viewport {
  const from = middle(before)
  const to = middle(after)
  const scale = spread(after) / Math.max(spread(before), 1)
  const zoomed = zoomAround(viewport, from, viewport.zoom * scale)
  return { ...zoomed, x: zoomed.x + to.x - from.x, y: zoomed.y + to.y - from.y }
}

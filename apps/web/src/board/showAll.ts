/**
 * "Show all notes": the whole board in view, but never zoomed out so far that the notes lose their
 * text. A board too big for that is shown from its top-left corner (centred along a side that fits),
 * at the least zoom that still shows text; the rest is a pan or the outline away.
 */
import { fitViewport, type Rect, type Size, type Viewport } from '../lib/geometry'
import { COMPACT_BELOW_ZOOM } from '../render/detail'

/** The least zoom "show all" goes to: notes keep their text and controls from here up. */
export const READABLE_ZOOM = COMPACT_BELOW_ZOOM

export function showAllViewport(bounds: Rect, size: Size, padding: number): Viewport {
  const fit = fitViewport(bounds, size, padding)
  if (fit.zoom >= READABLE_ZOOM) return fit
  const zoom = READABLE_ZOOM
  const along = (start: number, length: number, screen: number) =>
    length * zoom <= screen - 2 * padding ? screen / 2 - (start + length / 2) * zoom : padding - start * zoom
  return {
    x: along(bounds.x, bounds.width, size.width),
    y: along(bounds.y, bounds.height, size.height),
    zoom,
  }
}

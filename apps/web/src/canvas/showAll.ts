/**
 * "Show all notes": the whole board in view, but never zoomed out so far that the notes lose their
 * text. A board too big for that is shown from its top-left corner (centred along a side that fits),
 * at the least zoom that still shows text; the rest is a pan or the outline away.
 */
import { fitViewport, type Rect, type Size, type Viewport } from '../lib/geometry'
import { COMPACT_BELOW_ZOOM } from '../render/detail'

/** The least zoom "show all" goes to: notes keep their text and controls from here up. */
export const READABLE_ZOOM = COMPACT_BELOW_ZOOM

/** The room left around what is shown, in screen px. */
export const FIT_PADDING = 48

/**
 * How far the board's floating search (top), toolbar (bottom) and, on a wide screen, the facilitator's
 * panel (right) reach into the canvas, in screen px.
 */
export interface CoveredEdges {
  readonly top: number
  readonly bottom: number
  readonly right?: number
}

const UNCOVERED: CoveredEdges = { top: 0, bottom: 0 }

export function showAllViewport(
  bounds: Rect,
  size: Size,
  padding: number,
  covered: CoveredEdges = UNCOVERED,
): Viewport {
  // The notes are fitted into the band between the floating search and the toolbar, left of the panel.
  const open = {
    width: Math.max(1, size.width - (covered.right ?? 0)),
    height: Math.max(1, size.height - covered.top - covered.bottom),
  }
  const view = fitReadable(bounds, open, padding)
  return { ...view, y: view.y + covered.top }
}

function fitReadable(bounds: Rect, size: Size, padding: number): Viewport {
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

/** What of `canvas` the floating search, toolbar and facilitator's panel cover, read from the page as it is laid out. */
export function coveredEdges(canvas: Element | null): CoveredEdges {
  if (!canvas) return UNCOVERED
  const area = canvas.getBoundingClientRect()
  const search = document.querySelector('.search-panel')?.getBoundingClientRect()
  const toolbar = document.querySelector('.board-toolbar')?.getBoundingClientRect()
  const panel = document.querySelector('.facilitator-panel:not([hidden])')?.getBoundingClientRect()
  // The panel stands along the right edge on a wide screen; on a phone it is a sheet along the bottom.
  const beside = panel && panel.width > 0 && panel.left > area.left + area.width / 2
  return {
    top: search ? Math.max(0, Math.min(area.height / 3, search.bottom - area.top)) : 0,
    bottom: toolbar ? Math.max(0, Math.min(area.height / 3, area.bottom - toolbar.top)) : 0,
    right: beside ? Math.max(0, Math.min(area.width / 2, area.right - panel.left)) : 0,
  }
}

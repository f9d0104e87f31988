/**
 * How much of a note the canvas shows at a zoom level. The notes layer decides it once for all notes
 * (so a note never subscribes to the viewport), and below BLOCK_BELOW_ZOOM the notes are drawn as
 * coloured blocks on one <canvas> instead of thousands of DOM elements.
 */
import type { NoteLayout } from '@samla/board'

/** Below this zoom the text is too small to edit, so the note drops its controls. */
export const COMPACT_BELOW_ZOOM = 0.5
/** Below this zoom the text is unreadable: notes are coloured blocks, drawn on the overview canvas. */
export const BLOCK_BELOW_ZOOM = 0.25

export type Detail = 'full' | 'compact' | 'block'

export function detailAt(zoom: number): Detail {
  if (zoom >= COMPACT_BELOW_ZOOM) return 'full'
  return zoom >= BLOCK_BELOW_ZOOM ? 'compact' : 'block'
}

/** How many DOM notes stay rendered around the focused one at block level, so Tab can walk the board. */
export const KEYBOARD_NEIGHBOURS = 24

/**
 * The `count` notes nearest (centre to centre) to the note `anchor`, itself included; with no anchor
 * (or one that is gone), those nearest the board's top-left note, where reading starts.
 */
export function notesNear(layout: readonly NoteLayout[], anchor: string | null, count: number): string[] {
  if (layout.length === 0) return []
  let from = anchor ? layout.find((note) => note.id === anchor) : undefined
  if (!from) {
    for (const note of layout) if (!from || note.y < from.y || (note.y === from.y && note.x < from.x)) from = note
  }
  if (!from) return []
  const cx = from.x + from.width / 2
  const cy = from.y + from.height / 2
  return layout
    .map((note) => ({ id: note.id, d: (note.x + note.width / 2 - cx) ** 2 + (note.y + note.height / 2 - cy) ** 2 }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((entry) => entry.id)
}

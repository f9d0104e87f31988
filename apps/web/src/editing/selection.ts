/**
 * Selection rules, as pure functions over note ids and layout: toggling, adding what a rubber band
 * touches, which notes an action applies to, and the nudge step of an arrow key. The selection
 * itself lives in the UI store as an array of ids.
 */
import type { NoteLayout } from '@samla/board'
import { intersects, type Point, type Rect } from '../lib/geometry'

/** World units an arrow key moves the selection; with Shift, the bigger step. */
export const NUDGE_STEP = 10
export const NUDGE_STEP_LARGE = 50

export function toggleId(selection: readonly string[], id: string): string[] {
  return selection.includes(id) ? selection.filter((other) => other !== id) : [...selection, id]
}

/** The rectangle spanned by two corners, whichever way the band was dragged. */
export function rectBetween(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) }
}

/** Notes the band touches, bottom of the stack first. */
export function notesInRect(layout: readonly NoteLayout[], rect: Rect): string[] {
  if (rect.width === 0 && rect.height === 0) return []
  return layout.filter((note) => intersects(rect, note)).map((note) => note.id)
}

/** The selection with the band's notes added (a band always adds; shift-click removes). */
export function addToSelection(selection: readonly string[], ids: readonly string[]): readonly string[] {
  const added = ids.filter((id) => !selection.includes(id))
  return added.length === 0 ? selection : [...selection, ...added]
}

/** The notes an action on `id` applies to: the whole selection when `id` is part of it, else just `id`. */
export function actionTargets(selection: readonly string[], id: string): readonly string[] {
  return selection.includes(id) ? selection : [id]
}

/** Only ids still on the board: the selection may name notes someone else has deleted since. */
export function existingIds(selection: readonly string[], layout: readonly NoteLayout[]): string[] {
  const present = new Set(layout.map((note) => note.id))
  return selection.filter((id) => present.has(id))
}

const NUDGES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

/** The offset an arrow key moves the selection by, or null for any other key. */
export function nudgeOffset(key: string, large: boolean): { dx: number; dy: number } | null {
  const direction = NUDGES[key]
  if (!direction) return null
  const step = large ? NUDGE_STEP_LARGE : NUDGE_STEP
  return { dx: direction[0] * step, dy: direction[1] * step }
}

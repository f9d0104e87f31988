/**
 * Which notes to render: those whose rectangle meets the visible area, plus pinned ones (being
 * edited, dragged or selected) wherever they are. Rendered in a stable DOM order, because moving a
 * DOM node blurs it: stacking is expressed with z-index instead of position among siblings.
 */
import type { NoteLayout } from '@samla/board'
import { intersects, type Rect } from '../lib/geometry'

export interface RenderedNote {
  readonly id: string
  /** Place in the stacking order, bottom first. */
  readonly z: number
}

/** First-seen sequence numbers: a note keeps its DOM position for as long as this map lives. */
export type StableOrder = Map<string, number>

export function cullNotes(
  layout: readonly NoteLayout[],
  area: Rect,
  pinned: ReadonlySet<string>,
  order: StableOrder,
): RenderedNote[] {
  const rendered: RenderedNote[] = []
  layout.forEach((note, z) => {
    if (!order.has(note.id)) order.set(note.id, order.size)
    if (pinned.has(note.id) || intersects(area, note)) rendered.push({ id: note.id, z })
  })
  return rendered.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
}

/** Reuses the previous array when nothing changed, so a pan that reveals no new note renders nothing new. */
export function sameRendering(a: readonly RenderedNote[], b: readonly RenderedNote[]): boolean {
  return a.length === b.length && a.every((note, i) => note.id === b[i]?.id && note.z === b[i]?.z)
}

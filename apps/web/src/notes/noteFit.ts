/**
 * Notes fit their text. Long text first gets smaller type, down to a readable minimum, then the note
 * grows: wider, towards a landscape block, and as tall as its content (the CSS lets the text field
 * size to its content, with the stored height as the least). Whoever types a note that outgrew its
 * stored size writes the size it shows into the board, so the board's layout (culling, the overview,
 * tidying up) knows it too.
 */
import { MAX_NOTE_SIZE, MIN_NOTE_SIZE, resizeNote } from '@samla/board'
import { guarded, type WriteOptions } from '../session/commands'
import type { BoardSession } from '../session/session'

/** Type steps by text length; the smallest (13 px) is still comfortably readable at 100 %. */
const SMALLER_TYPE_FROM = 120
const SMALLEST_TYPE_FROM = 320

export type TextSize = 'normal' | 'smaller' | 'smallest'

export function textSizeFor(length: number): TextSize {
  if (length >= SMALLEST_TYPE_FROM) return 'smallest'
  return length >= SMALLER_TYPE_FROM ? 'smaller' : 'normal'
}

/** Width grows with the square root of the text, so a long note becomes a block rather than a column. */
const WIDTH_PER_ROOT_CHARACTER = 12
const WIDTH_STEP = 20

/** The width a note is drawn at: its own, or wider for a long text. */
export function fittedWidth(width: number, length: number): number {
  const wanted = Math.ceil((WIDTH_PER_ROOT_CHARACTER * Math.sqrt(length)) / WIDTH_STEP) * WIDTH_STEP
  return Math.min(MAX_NOTE_SIZE, Math.max(width, wanted))
}

const clampSize = (size: number) => Math.round(Math.min(MAX_NOTE_SIZE, Math.max(MIN_NOTE_SIZE, size)))

export function resizeNoteTo(
  session: BoardSession,
  id: string,
  width: number,
  height: number,
  options: WriteOptions = {},
): void {
  const note = session.reader.getNote(id)
  const w = clampSize(width)
  const h = clampSize(height)
  if (!note || (note.width === w && note.height === h)) return
  guarded(session, () => resizeNote(session.doc, id, w, h), options)
}

/** After the person's own keystroke: stores the size the note is drawn at, when it grew past the stored one. */
export function storeGrownSize(session: BoardSession, id: string, element: HTMLElement, options: WriteOptions): void {
  const note = session.reader.getNote(id)
  if (!note) return
  const width = Math.ceil(element.offsetWidth)
  const height = Math.ceil(element.offsetHeight)
  if (width <= note.width && height <= note.height) return
  resizeNoteTo(session, id, Math.max(width, note.width), Math.max(height, note.height), options)
}

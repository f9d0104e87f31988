/**
 * The clipboard format for notes, and how pasted content becomes new notes. Copied notes go out as
 * JSON under our own type (with their texts as plain text beside it, for pasting anywhere else);
 * pasting reads that JSON defensively — it may come from another board, another version, or be made
 * up — or else plain text, one note per line. Either way at most MAX_PASTED_NOTES notes, laid out
 * around the paste point with their relative positions kept.
 */
import {
  DEFAULT_NOTE_COLOUR,
  DEFAULT_NOTE_SIZE,
  isNoteColour,
  MAX_COORDINATE,
  MAX_NOTE_SIZE,
  MAX_NOTE_TEXT_LENGTH,
  MIN_NOTE_SIZE,
  type NoteSnapshot,
} from '@samla/board'
import { boundsOf, type Point } from '../lib/geometry'

export const NOTES_MIME = 'application/x-samla-notes+json'
export const MAX_PASTED_NOTES = 200
const FORMAT = 'samla-notes'
/** Gap between the notes of pasted text, laid out in a grid. */
const GRID_GAP = 24

/** What a copied note carries: its content and geometry, never its id, author or place in a cluster. */
export type ClipNote = Pick<NoteSnapshot, 'text' | 'x' | 'y' | 'width' | 'height' | 'colour'>

export function serialiseNotes(notes: readonly NoteSnapshot[]): { json: string; text: string } {
  const clip: ClipNote[] = notes.map(({ text, x, y, width, height, colour }) => ({ text, x, y, width, height, colour }))
  return {
    json: JSON.stringify({ format: FORMAT, version: 1, notes: clip }),
    text: notes.map((note) => note.text.trim()).join('\n\n'),
  }
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

function clampSize(value: unknown): number {
  return Math.min(MAX_NOTE_SIZE, Math.max(MIN_NOTE_SIZE, Math.round(finite(value, DEFAULT_NOTE_SIZE))))
}

function readClipNote(value: unknown): ClipNote | null {
  if (typeof value !== 'object' || value === null) return null
  const note = value as Record<string, unknown>
  return {
    text: typeof note.text === 'string' ? note.text.slice(0, MAX_NOTE_TEXT_LENGTH) : '',
    x: finite(note.x, 0),
    y: finite(note.y, 0),
    width: clampSize(note.width),
    height: clampSize(note.height),
    colour: isNoteColour(note.colour) ? note.colour : DEFAULT_NOTE_COLOUR,
  }
}

/** Notes from our JSON, or null when it is not ours (then the plain text is used). */
export function parseNotesJson(json: string): ClipNote[] | null {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { format, notes } = value as Record<string, unknown>
  if (format !== FORMAT || !Array.isArray(notes)) return null
  return notes.slice(0, MAX_PASTED_NOTES).flatMap((note) => readClipNote(note) ?? [])
}

/** One note per non-empty line, in a grid of default-sized notes. */
export function notesFromText(text: string): ClipNote[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, MAX_PASTED_NOTES)
  const columns = Math.ceil(Math.sqrt(lines.length))
  const step = DEFAULT_NOTE_SIZE + GRID_GAP
  return lines.map((line, i) => ({
    text: line.slice(0, MAX_NOTE_TEXT_LENGTH),
    x: (i % columns) * step,
    y: Math.floor(i / columns) * step,
    width: DEFAULT_NOTE_SIZE,
    height: DEFAULT_NOTE_SIZE,
    colour: DEFAULT_NOTE_COLOUR,
  }))
}

function clampCoordinate(value: number, size: number): number {
  return Math.min(MAX_COORDINATE - size, Math.max(-MAX_COORDINATE, Math.round(value)))
}

/** The notes moved so that together they are centred on `centre`, and kept on the board. */
export function placeAround(notes: readonly ClipNote[], centre: Point): ClipNote[] {
  const bounds = boundsOf(notes)
  if (!bounds) return []
  const dx = centre.x - (bounds.x + bounds.width / 2)
  const dy = centre.y - (bounds.y + bounds.height / 2)
  return notes.map((note) => ({
    ...note,
    x: clampCoordinate(note.x + dx, note.width),
    y: clampCoordinate(note.y + dy, note.height),
  }))
}

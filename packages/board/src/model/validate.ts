/** Input checks shared by the write operations; each throws a BoardError and never mutates. */
import { BoardError } from './errors.js'
import {
  MAX_AUTHOR_NAME_LENGTH,
  MAX_COORDINATE,
  MAX_NOTE_SIZE,
  MAX_NOTE_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_NOTE_SIZE,
} from './limits.js'
import { isNoteColour, type NoteColour } from './palette.js'

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Replaces lone UTF-16 surrogates with U+FFFD. Yjs sends strings as UTF-8, so peers would decode
 * them as U+FFFD anyway; storing them as-is would leave the author's doc different from everyone's.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

export function checkId(id: unknown): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new BoardError(
      'invalid-id',
      `Invalid id ${JSON.stringify(id)}: expected 8–64 characters of A–Z, a–z, 0–9, _ or -`,
    )
  }
  return id
}

export function checkCoordinate(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
    throw new BoardError(
      'invalid-number',
      `${name} must be a finite number within ±${MAX_COORDINATE}, got ${String(value)}`,
    )
  }
  return value
}

export function checkSize(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_NOTE_SIZE || value > MAX_NOTE_SIZE) {
    throw new BoardError(
      'invalid-size',
      `${name} must be between ${MIN_NOTE_SIZE} and ${MAX_NOTE_SIZE}, got ${String(value)}`,
    )
  }
  return value
}

export function checkColour(value: unknown): NoteColour {
  if (!isNoteColour(value)) {
    throw new BoardError('invalid-colour', `Unknown note colour ${JSON.stringify(value)}`)
  }
  return value
}

export function checkNoteText(text: unknown): string {
  if (typeof text !== 'string') {
    throw new BoardError('invalid-text', 'Note text must be a string')
  }
  if (text.length > MAX_NOTE_TEXT_LENGTH) {
    throw new BoardError(
      'text-too-long',
      `Note text is ${text.length} characters; the maximum is ${MAX_NOTE_TEXT_LENGTH}`,
    )
  }
  return wellFormed(text)
}

export function checkTitle(title: unknown): string {
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) {
    throw new BoardError('title-too-long', `A board title is text of at most ${MAX_TITLE_LENGTH} characters`)
  }
  return wellFormed(title.trim())
}

/** Author fields are display data, but still bounded: they are stored in every note. */
export function checkAuthor(authorId: unknown, authorName: unknown): { authorId: string; authorName: string } {
  if (typeof authorId !== 'string' || authorId.length > 64) {
    throw new BoardError('invalid-author', 'authorId must be text of at most 64 characters')
  }
  if (typeof authorName !== 'string' || authorName.length > MAX_AUTHOR_NAME_LENGTH) {
    throw new BoardError('invalid-author', `authorName must be text of at most ${MAX_AUTHOR_NAME_LENGTH} characters`)
  }
  return { authorId: wellFormed(authorId), authorName: wellFormed(authorName) }
}

export function checkTimestamp(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new BoardError('invalid-number', `A timestamp must be a finite, non-negative number, got ${String(value)}`)
  }
  return value
}

/** A stacking key as fractional-indexing makes them (base-62 digits). */
export function checkOrderKey(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9A-Za-z]{1,64}$/.test(value)) {
    throw new BoardError('invalid-id', `Invalid stacking key ${JSON.stringify(value)}`)
  }
  return value
}

/**
 * What a well-formed board holds, field by field: the one definition of the board's schema that
 * the write operations' checks already follow, read by whoever must judge data it did not write —
 * the relay checking a participant's update, readers skipping a broken entry, the repair of a
 * board stored before the relay checked anything.
 *
 *   notes     noteId    -> Y.Map of NOTE_FIELDS
 *   clusters  clusterId -> Y.Map of CLUSTER_FIELDS
 *   meta, votes         facilitator and relay only
 */
import * as Y from 'yjs'
import {
  MAX_AUTHOR_NAME_LENGTH,
  MAX_CLUSTER_NAME_LENGTH,
  MAX_CLUSTER_SIZE,
  MAX_COORDINATE,
  MAX_NOTE_SIZE,
  MAX_NOTE_TEXT_LENGTH,
  MIN_CLUSTER_SIZE,
  MIN_NOTE_SIZE,
} from './limits.js'
import { isNoteColour } from './palette.js'

/** A field is either shared text (Y.Text) of bounded length, or one plain value that passes a check. */
export type FieldRule =
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'value'; readonly valid: (value: unknown) => boolean }

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
const ORDER_KEY = /^[0-9A-Za-z]{1,64}$/

export const isEntryId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value)

const finiteWithin = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max

const value = (valid: (value: unknown) => boolean): FieldRule => ({ kind: 'value', valid })
const text = (maxLength: number): FieldRule => ({ kind: 'text', maxLength })
const coordinate = value(finiteWithin(-MAX_COORDINATE, MAX_COORDINATE))
const orderKey = value((v) => typeof v === 'string' && ORDER_KEY.test(v))
const colour = value(isNoteColour)

/** The note fields that name who wrote it: set once, when the note is made, to its writer. */
export const AUTHOR_FIELDS: ReadonlySet<string> = new Set(['authorId', 'authorName'])

export const NOTE_FIELDS: Readonly<Record<string, FieldRule>> = {
  text: text(MAX_NOTE_TEXT_LENGTH),
  x: coordinate,
  y: coordinate,
  width: value(finiteWithin(MIN_NOTE_SIZE, MAX_NOTE_SIZE)),
  height: value(finiteWithin(MIN_NOTE_SIZE, MAX_NOTE_SIZE)),
  colour,
  authorId: value((v) => typeof v === 'string' && v.length <= 64),
  authorName: value((v) => typeof v === 'string' && v.length <= MAX_AUTHOR_NAME_LENGTH),
  createdAt: value(finiteWithin(0, Number.MAX_SAFE_INTEGER)),
  order: orderKey,
  clusterId: value(isEntryId),
  // Boards written before the key alone was the id hold a copy of it; nothing reads it.
  id: value(isEntryId),
}

export const CLUSTER_FIELDS: Readonly<Record<string, FieldRule>> = {
  name: text(MAX_CLUSTER_NAME_LENGTH),
  x: coordinate,
  y: coordinate,
  width: value(finiteWithin(MIN_CLUSTER_SIZE, MAX_CLUSTER_SIZE)),
  height: value(finiteWithin(MIN_CLUSTER_SIZE, MAX_CLUSTER_SIZE)),
  colour,
  collapsed: value((v) => typeof v === 'boolean'),
  order: orderKey,
  id: value(isEntryId),
}

/**
 * The fields every note and group is made with (the write operations set them all): an entry made
 * without one, or one removed but for the entry itself, would read as a default that exports and
 * imports cannot carry (an empty stacking key, say).
 */
export const REQUIRED_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  notes: new Set(['text', 'x', 'y', 'width', 'height', 'colour', 'createdAt', 'order']),
  clusters: new Set(['name', 'x', 'y', 'width', 'height', 'colour', 'collapsed', 'order']),
}

/** The collections a board's entries live in, by the name of their top-level map. */
export const ENTRY_COLLECTIONS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  notes: NOTE_FIELDS,
  clusters: CLUSTER_FIELDS,
}

/** Whether one field's stored value keeps its rule (a text field must be a Y.Text within its length). */
export function fieldIsValid(rule: FieldRule, stored: unknown): boolean {
  if (rule.kind === 'text') return stored instanceof Y.Text && stored.length <= rule.maxLength
  return !(stored instanceof Y.AbstractType) && rule.valid(stored)
}

/** Whether a stored entry is well formed: a Y.Map under a valid id, holding only known, valid fields. */
export function entryIsValid(fields: Readonly<Record<string, FieldRule>>, id: string, entry: unknown): boolean {
  if (!isEntryId(id) || !(entry instanceof Y.Map)) return false
  for (const [key, stored] of entry.entries()) {
    const rule = fields[key]
    if (!rule || !fieldIsValid(rule, stored)) return false
  }
  return true
}

/** The ids of every entry of the board that is not well formed, by collection. */
export function invalidEntries(doc: Y.Doc): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const [collection, fields] of Object.entries(ENTRY_COLLECTIONS)) {
    const ids = [...doc.getMap(collection).entries()]
      .filter(([id, entry]) => !entryIsValid(fields, id, entry))
      .map(([id]) => id)
    if (ids.length > 0) found.set(collection, ids)
  }
  return found
}

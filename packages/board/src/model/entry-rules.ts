/**
 * What a well-formed board holds, field by field: the one definition of the board's schema that
 * the write operations' checks already follow, read by whoever must judge data it did not write —
 * the relay checking a participant's update, readers skipping a broken entry, the repair of a
 * board stored before the relay checked anything.
 *
 *   notes     noteId    -> Y.Map of NOTE_FIELDS
 *   clusters  clusterId -> Y.Map of CLUSTER_FIELDS
 *   regions   regionId  -> Y.Map of REGION_FIELDS   facilitator and relay only
 *   stacks    stackId   -> Y.Map of STACK_FIELDS    facilitator and relay only
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
  MAX_TITLE_LENGTH,
  MIN_CLUSTER_SIZE,
  MIN_NOTE_SIZE,
} from './limits.js'
import { isNoteColour } from './palette.js'

/** A field is either shared text (Y.Text) of bounded length, or one plain value that passes a check. */
export type FieldRule =
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'value'; readonly valid: (value: unknown) => boolean }

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
/** A board id as the relay draws them (128 random bits, base64url); a text fingerprint has the same shape. */
const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
const ORDER_KEY = /^[0-9A-Za-z]{1,64}$/

export const isEntryId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value)
export const isBoardId = (value: unknown): value is string => typeof value === 'string' && BOARD_ID_PATTERN.test(value)

const finiteWithin = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max

const value = (valid: (value: unknown) => boolean): FieldRule => ({ kind: 'value', valid })
const text = (maxLength: number): FieldRule => ({ kind: 'text', maxLength })
const coordinate = value(finiteWithin(-MAX_COORDINATE, MAX_COORDINATE))
const orderKey = value((v) => typeof v === 'string' && ORDER_KEY.test(v))
const colour = value(isNoteColour)

/** The note fields that name who wrote it: set once, when the note is made, to its writer. */
export const AUTHOR_FIELDS: ReadonlySet<string> = new Set(['authorId', 'authorName'])

/** Note fields only the facilitator (through the relay) writes: a participant may neither set nor remove them. */
export const FACILITATOR_FIELDS: ReadonlySet<string> = new Set(['origin'])

/**
 * Where a note copied by a merge of boards came from (exchange/merge.ts). `textHash` fingerprints the
 * text as copied (hashId of it), so a later merge can tell whether anyone edited the note since; a
 * note whose origin has none (one imported from a file) counts as edited and is never overwritten.
 */
export interface NoteOrigin {
  readonly boardId: string
  readonly boardTitle: string
  readonly noteId: string
  readonly textHash?: string
}

const ORIGIN_KEYS: ReadonlySet<string> = new Set(['boardId', 'boardTitle', 'noteId', 'textHash'])

export function isNoteOrigin(value: unknown): value is NoteOrigin {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const origin = value as Record<string, unknown>
  return (
    Object.keys(origin).every((key) => ORIGIN_KEYS.has(key)) &&
    isBoardId(origin.boardId) &&
    typeof origin.boardTitle === 'string' &&
    origin.boardTitle.length <= MAX_TITLE_LENGTH &&
    isEntryId(origin.noteId) &&
    (origin.textHash === undefined || isBoardId(origin.textHash))
  )
}

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
  origin: value(isNoteOrigin),
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

/** A state vector of a few thousand writers' sessions, with room to spare. */
const MAX_SOURCE_SEEN_LENGTH = 200_000
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** A region: the part of a merged board one source board's copy was laid out in, under its title. */
export const REGION_FIELDS: Readonly<Record<string, FieldRule>> = {
  title: value((v) => typeof v === 'string' && v.length <= MAX_TITLE_LENGTH),
  x: coordinate,
  y: coordinate,
  width: value(finiteWithin(1, 2 * MAX_COORDINATE)),
  height: value(finiteWithin(1, 2 * MAX_COORDINATE)),
  sourceBoardId: value(isBoardId),
  /** What of the source the last merge saw: its Yjs state vector, base64 (exchange/merge.ts). */
  sourceSeen: value((v) => typeof v === 'string' && v.length <= MAX_SOURCE_SEEN_LENGTH && BASE64.test(v)),
}

/** Most notes in one stack: near-duplicates of one idea from up to twenty boards, with room to spare. */
export const MAX_STACK_SIZE = 60

function isStackNotes(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= MAX_STACK_SIZE &&
    value.every(isEntryId) &&
    new Set(value).size === value.length
  )
}

/**
 * A stack: notes the facilitator confirmed say the same thing (proposed by exchange/near-duplicates.ts),
 * which count as one note in the vote; a dismissed proposal is kept, so it is not proposed again.
 */
export const STACK_FIELDS: Readonly<Record<string, FieldRule>> = {
  notes: value(isStackNotes),
  dismissed: value((v) => typeof v === 'boolean'),
}

/**
 * The fields every note and group is made with (the write operations set them all): an entry made
 * without one, or one removed but for the entry itself, would read as a default that exports and
 * imports cannot carry (an empty stacking key, say).
 */
export const REQUIRED_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  notes: new Set(['text', 'x', 'y', 'width', 'height', 'colour', 'createdAt', 'order']),
  clusters: new Set(['name', 'x', 'y', 'width', 'height', 'colour', 'collapsed', 'order']),
  regions: new Set(['title', 'x', 'y', 'width', 'height', 'sourceBoardId']),
  stacks: new Set(['notes', 'dismissed']),
}

/** The collections participants write entries in, by the name of their top-level map. */
export const ENTRY_COLLECTIONS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  notes: NOTE_FIELDS,
  clusters: CLUSTER_FIELDS,
}

/** Collections of entries only the facilitator (through the relay) writes: known to the schema, refused to participants. */
export const FACILITATOR_COLLECTIONS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  regions: REGION_FIELDS,
  stacks: STACK_FIELDS,
}

/** Every collection of entries a board holds, whoever writes it: what readers and the repair judge. */
export const ALL_COLLECTIONS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  ...ENTRY_COLLECTIONS,
  ...FACILITATOR_COLLECTIONS,
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
  for (const [collection, fields] of Object.entries(ALL_COLLECTIONS)) {
    const ids = [...doc.getMap(collection).entries()]
      .filter(([id, entry]) => !entryIsValid(fields, id, entry))
      .map(([id]) => id)
    if (ids.length > 0) found.set(collection, ids)
  }
  return found
}

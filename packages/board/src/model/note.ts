/**
 * Notes: the snapshot type, its defensive reader, and every write operation. Each write checks
 * all of its input first and then changes the doc in one transaction, so invalid input leaves
 * the doc untouched and peers never see half an operation.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { noteEntries, noteEntry } from './entries.js'
import { NOTE_FIELDS, type NoteOrigin } from './entry-rules.js'
import { BoardError } from './errors.js'
import { numberField, stringField, textField, validField } from './fields.js'
import { DEFAULT_NOTE_SIZE } from './limits.js'
import { DEFAULT_NOTE_COLOUR, type NoteColour } from './palette.js'
import { type NoteMap, notesMap } from './schema.js'
import { applyTextDiff } from './text-diff.js'
import {
  checkAuthor,
  checkColour,
  checkCoordinate,
  checkId,
  checkNoteText,
  checkOrderKey,
  checkSize,
  checkTimestamp,
} from './validate.js'

export interface NoteSnapshot {
  readonly id: string
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly colour: NoteColour
  /** Empty when the note was written in anonymous mode: then no author is stored at all. */
  readonly authorId: string
  readonly authorName: string
  /** The cluster the note is in, or null. May name a cluster since deleted: read that as none. */
  readonly clusterId: string | null
  readonly createdAt: number
  /** Fractional index: notes are stacked by comparing these strings (ties broken by id). */
  readonly order: string
  /** Where the note was copied from, when a merge of boards made it (exchange/merge.ts). */
  readonly origin?: NoteOrigin
}

export interface AddNoteInput {
  x: number
  y: number
  text?: string
  width?: number
  height?: number
  colour?: NoteColour
  /** Leave both out in anonymous mode: the note then stores no author at all. */
  authorId?: string
  authorName?: string
  clusterId?: string | null
  /** Stacking key, when recreating a note exactly (an import); new notes go on top. */
  order?: string
  id?: string
  now?: number
}

export type NoteLayout = Pick<NoteSnapshot, 'id' | 'x' | 'y' | 'width' | 'height' | 'colour' | 'order'>

/** A note's geometry, colour and stacking: what laying out a whole board needs, without its text. */
export function snapshotLayout(id: string, map: NoteMap): NoteLayout {
  return {
    id,
    x: numberField(map, NOTE_FIELDS, 'x', 0),
    y: numberField(map, NOTE_FIELDS, 'y', 0),
    width: numberField(map, NOTE_FIELDS, 'width', DEFAULT_NOTE_SIZE),
    height: numberField(map, NOTE_FIELDS, 'height', DEFAULT_NOTE_SIZE),
    colour: (validField(map, NOTE_FIELDS, 'colour') as NoteColour | undefined) ?? DEFAULT_NOTE_COLOUR,
    order: stringField(map, NOTE_FIELDS, 'order'),
  }
}

/** Reads one note map into a plain snapshot; a field a peer left out or broke reads as its default. */
export function snapshotNote(id: string, map: NoteMap): NoteSnapshot {
  const clusterId = stringField(map, NOTE_FIELDS, 'clusterId')
  const origin = validField(map, NOTE_FIELDS, 'origin') as NoteOrigin | undefined
  return {
    ...snapshotLayout(id, map),
    ...(origin ? { origin } : {}),
    text: textField(map, NOTE_FIELDS, 'text'),
    authorId: stringField(map, NOTE_FIELDS, 'authorId'),
    authorName: stringField(map, NOTE_FIELDS, 'authorName'),
    clusterId: clusterId === '' ? null : clusterId,
    createdAt: numberField(map, NOTE_FIELDS, 'createdAt', 0),
  }
}

export function compareStacking(a: { id: string; order: string }, b: { id: string; order: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function topOrder(doc: Y.Doc): string | null {
  let top: string | null = null
  for (const [, map] of noteEntries(doc)) {
    const order = stringField(map, NOTE_FIELDS, 'order')
    if (order !== '' && (top === null || order > top)) top = order
  }
  return top
}

function requireNote(doc: Y.Doc, id: unknown): NoteMap {
  const checked = checkId(id)
  const map = noteEntry(doc, checked)
  if (!map) throw new BoardError('note-not-found', `No note with id ${checked} on this board`)
  return map
}

export function requireNotes(doc: Y.Doc, ids: readonly unknown[]): NoteMap[] {
  return [...new Set(ids)].map((id) => requireNote(doc, id))
}

export function readNote(doc: Y.Doc, id: string): NoteSnapshot | undefined {
  const map = noteEntry(doc, id)
  return map ? snapshotNote(id, map) : undefined
}

/** All notes, bottom of the stack first (entries that are no note at all are skipped). */
export function listNotes(doc: Y.Doc): NoteSnapshot[] {
  return noteEntries(doc)
    .map(([id, map]) => snapshotNote(id, map))
    .sort(compareStacking)
}

export function addNote(doc: Y.Doc, input: AddNoteInput): string {
  const id = input.id === undefined ? nanoid() : checkId(input.id)
  const x = checkCoordinate('x', input.x)
  const y = checkCoordinate('y', input.y)
  const width = checkSize('width', input.width ?? DEFAULT_NOTE_SIZE)
  const height = checkSize('height', input.height ?? DEFAULT_NOTE_SIZE)
  const colour = checkColour(input.colour ?? DEFAULT_NOTE_COLOUR)
  const text = checkNoteText(input.text ?? '')
  const anonymous = input.authorId === undefined && input.authorName === undefined
  const author = anonymous ? null : checkAuthor(input.authorId, input.authorName)
  const clusterId = input.clusterId == null ? null : checkId(input.clusterId)
  const order = input.order === undefined ? null : checkOrderKey(input.order)
  const createdAt = checkTimestamp(input.now ?? Date.now())
  if (notesMap(doc).has(id)) throw new BoardError('invalid-id', `A note with id ${id} already exists`)
  doc.transact(() => {
    const map: NoteMap = new Y.Map()
    map.set('text', new Y.Text(text))
    map.set('x', x)
    map.set('y', y)
    map.set('width', width)
    map.set('height', height)
    map.set('colour', colour)
    if (author) {
      map.set('authorId', author.authorId)
      map.set('authorName', author.authorName)
    }
    if (clusterId) map.set('clusterId', clusterId)
    map.set('createdAt', createdAt)
    map.set('order', order ?? generateKeyBetween(topOrder(doc), null))
    notesMap(doc).set(id, map)
  })
  return id
}

/**
 * Replaces a note's text by applying only the changed middle (common prefix and suffix kept),
 * so two people typing in different parts of one note both keep their characters.
 */
export function setNoteText(doc: Y.Doc, id: string, next: string): void {
  const map = requireNote(doc, id)
  const text = checkNoteText(next)
  const yText = map.get('text')
  doc.transact(() => {
    if (!(yText instanceof Y.Text)) {
      map.set('text', new Y.Text(text))
      return
    }
    applyTextDiff(yText, text)
  })
}

/** Moves several notes by the same offset in one transaction (a dragged selection). */
export function moveNotes(doc: Y.Doc, ids: readonly string[], dx: number, dy: number): void {
  checkCoordinate('dx', dx)
  checkCoordinate('dy', dy)
  const maps = requireNotes(doc, ids)
  const targets = maps.map((map) => ({
    map,
    x: checkCoordinate('x', numberField(map, NOTE_FIELDS, 'x', 0) + dx),
    y: checkCoordinate('y', numberField(map, NOTE_FIELDS, 'y', 0) + dy),
  }))
  doc.transact(() => {
    for (const { map, x, y } of targets) {
      map.set('x', x)
      map.set('y', y)
    }
  })
}

export function resizeNote(doc: Y.Doc, id: string, width: number, height: number): void {
  const map = requireNote(doc, id)
  const w = checkSize('width', width)
  const h = checkSize('height', height)
  doc.transact(() => {
    map.set('width', w)
    map.set('height', h)
  })
}

export function recolourNotes(doc: Y.Doc, ids: readonly string[], colour: NoteColour): void {
  const checked = checkColour(colour)
  const maps = requireNotes(doc, ids)
  doc.transact(() => {
    for (const map of maps) map.set('colour', checked)
  })
}

/** Puts the notes on top of the stack, keeping their relative order. */
export function bringToFront(doc: Y.Doc, ids: readonly string[]): void {
  const ordered = [...new Set(ids)]
    .map((id) => {
      const map = requireNote(doc, id)
      return { map, id, order: stringField(map, NOTE_FIELDS, 'order') }
    })
    .sort(compareStacking)
  const keys = generateNKeysBetween(topOrder(doc), null, ordered.length)
  doc.transact(() => {
    ordered.forEach(({ map }, i) => {
      map.set('order', keys[i])
    })
  })
}

export function deleteNotes(doc: Y.Doc, ids: readonly string[]): void {
  const unique = [...new Set(ids)]
  requireNotes(doc, unique)
  doc.transact(() => {
    for (const id of unique) notesMap(doc).delete(id as string)
  })
}

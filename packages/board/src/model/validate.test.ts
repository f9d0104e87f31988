import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { BoardError, type BoardErrorCode } from './errors.js'
import { MAX_COORDINATE, MAX_NOTE_SIZE, MAX_NOTE_TEXT_LENGTH, MIN_NOTE_SIZE } from './limits.js'
import {
  addNote,
  bringToFront,
  deleteNotes,
  moveNotes,
  readNote,
  recolourNotes,
  resizeNote,
  setNoteText,
} from './note.js'
import type { NoteColour } from './palette.js'
import { add, expectRejected, seededDoc } from './test-support.js'

const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]
const NOT_NUMBERS = ['12', null, undefined, {}, 10n] as unknown as number[]
/** addNote reads null and undefined optional fields as "not given" and uses the default. */
const present = <T>(values: T[]): T[] => values.filter((value) => value !== null && value !== undefined)
const TOO_FAR = [MAX_COORDINATE + 1, -MAX_COORDINATE - 0.001, Number.MAX_VALUE, 1e300]
const BAD_SIZES = [
  MIN_NOTE_SIZE - 1,
  MIN_NOTE_SIZE - 0.01,
  MAX_NOTE_SIZE + 0.01,
  0,
  -160,
  ...NON_FINITE,
  ...NOT_NUMBERS,
]
const BAD_COLOURS = ['red', 'Yellow', ' yellow', '#ffff00', '', 'grey ', 1, null] as unknown as NoteColour[]
const BAD_IDS = ['short', '', 'a'.repeat(65), 'has space1', 'dots.in.id', 'emoji😀1234', 'åäöåäöåäö', 42, null, {}]
const UNKNOWN_ID = 'not-on-this-board'

function fixture(): { doc: Y.Doc; a: string; b: string } {
  const { doc, ids } = seededDoc(2)
  return { doc, a: ids[0] ?? '', b: ids[1] ?? '' }
}

const idOps: [string, (doc: Y.Doc, id: string, other: string) => void][] = [
  ['setNoteText', (doc, id) => setNoteText(doc, id, 'x')],
  ['moveNotes', (doc, id, other) => moveNotes(doc, [other, id], 1, 1)],
  ['resizeNote', (doc, id) => resizeNote(doc, id, 100, 100)],
  ['recolourNotes', (doc, id, other) => recolourNotes(doc, [other, id], 'blue')],
  ['bringToFront', (doc, id, other) => bringToFront(doc, [id, other])],
  ['deleteNotes', (doc, id, other) => deleteNotes(doc, [other, id])],
]

describe('invalid input throws a BoardError and leaves the doc untouched', () => {
  it('[V1] non-finite or non-number coordinates in addNote', () => {
    const { doc } = fixture()
    for (const bad of [...NON_FINITE, ...NOT_NUMBERS]) {
      expectRejected(doc, 'invalid-number', () => add(doc, { x: bad }))
      expectRejected(doc, 'invalid-number', () => add(doc, { y: bad }))
    }
  })

  it('[V1] non-finite or non-number offsets in moveNotes', () => {
    const { doc, a, b } = fixture()
    for (const bad of [...NON_FINITE, ...NOT_NUMBERS]) {
      expectRejected(doc, 'invalid-number', () => moveNotes(doc, [a, b], bad, 0))
      expectRejected(doc, 'invalid-number', () => moveNotes(doc, [a, b], 0, bad))
    }
  })

  it('[V2] coordinates and offsets beyond ±MAX_COORDINATE; the limit itself is fine', () => {
    const { doc, a } = fixture()
    for (const bad of TOO_FAR) {
      expectRejected(doc, 'invalid-number', () => add(doc, { x: bad }))
      expectRejected(doc, 'invalid-number', () => add(doc, { y: -bad }))
      expectRejected(doc, 'invalid-number', () => moveNotes(doc, [a], bad, 0))
    }
    const edge = add(doc, { id: 'edge-note', x: MAX_COORDINATE, y: -MAX_COORDINATE })
    expect(readNote(doc, edge)).toMatchObject({ x: MAX_COORDINATE, y: -MAX_COORDINATE })
  })

  it('[V2] a move that would push any selected note past the limit moves none of them', () => {
    const { doc, a, b } = fixture()
    moveNotes(doc, [b], MAX_COORDINATE - 10, 0)
    expectRejected(doc, 'invalid-number', () => moveNotes(doc, [a, b], 11, 0))
    expectRejected(doc, 'invalid-number', () => moveNotes(doc, [a, b], -MAX_COORDINATE, -MAX_COORDINATE - 1))
    moveNotes(doc, [a, b], 10, 0)
    expect(readNote(doc, b)?.x).toBe(MAX_COORDINATE)
  })

  it('[V3] sizes outside the limits in addNote and resizeNote', () => {
    const { doc, a } = fixture()
    for (const bad of BAD_SIZES) {
      expectRejected(doc, 'invalid-size', () => resizeNote(doc, a, bad, 100))
      expectRejected(doc, 'invalid-size', () => resizeNote(doc, a, 100, bad))
    }
    for (const bad of present(BAD_SIZES)) {
      expectRejected(doc, 'invalid-size', () => add(doc, { width: bad }))
      expectRejected(doc, 'invalid-size', () => add(doc, { height: bad }))
    }
  })

  it('[V4][P1] colours outside the palette in addNote and recolourNotes', () => {
    const { doc, a, b } = fixture()
    for (const bad of BAD_COLOURS) {
      expectRejected(doc, 'invalid-colour', () => recolourNotes(doc, [a, b], bad))
    }
    for (const bad of present(BAD_COLOURS)) {
      expectRejected(doc, 'invalid-colour', () => add(doc, { colour: bad }))
    }
  })

  it('[V5] text over MAX_NOTE_TEXT_LENGTH, or not a string; the limit itself is fine', () => {
    const { doc, a } = fixture()
    const tooLong = ['x'.repeat(MAX_NOTE_TEXT_LENGTH + 1), '😀'.repeat(MAX_NOTE_TEXT_LENGTH / 2 + 1)]
    for (const bad of tooLong) {
      expectRejected(doc, 'text-too-long', () => setNoteText(doc, a, bad))
      expectRejected(doc, 'text-too-long', () => add(doc, { text: bad }))
    }
    for (const bad of [5, null] as unknown as string[]) {
      expectRejected(doc, 'invalid-text', () => setNoteText(doc, a, bad))
    }
    expectRejected(doc, 'invalid-text', () => add(doc, { text: 5 as unknown as string }))
    setNoteText(doc, a, 'å'.repeat(MAX_NOTE_TEXT_LENGTH))
    expect(readNote(doc, a)?.text).toHaveLength(MAX_NOTE_TEXT_LENGTH)
  })

  it('[V6][P2] malformed ids in addNote and every note operation', () => {
    const { doc, a } = fixture()
    for (const bad of BAD_IDS as string[]) {
      expectRejected(doc, 'invalid-id', () => add(doc, { id: bad }))
      for (const [, op] of idOps) expectRejected(doc, 'invalid-id', () => op(doc, bad, a))
    }
  })

  it('[V6] addNote with an id that is already on the board', () => {
    const { doc, a } = fixture()
    expectRejected(doc, 'invalid-id', () => add(doc, { id: a, text: 'duplicate' }))
  })

  it.each(idOps)('[V7] %s with an unknown id changes none of the listed notes', (_, op) => {
    const { doc, a } = fixture()
    expectRejected(doc, 'note-not-found', () => op(doc, UNKNOWN_ID, a))
  })

  it('[V7] operations on a deleted note report note-not-found', () => {
    const { doc, a, b } = fixture()
    deleteNotes(doc, [a])
    for (const [, op] of idOps) expectRejected(doc, 'note-not-found', () => op(doc, a, b))
  })

  it('[V10] BoardError is an Error named BoardError with a code and a message', () => {
    const { doc } = fixture()
    let caught: unknown
    try {
      addNote(doc, { x: Number.NaN, y: 0, authorId: 'u', authorName: 'U' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(Error)
    expect(caught).toMatchObject({ name: 'BoardError', code: 'invalid-number' })
    expect((caught as BoardError).message).toMatch(/x must be a finite number/)
    const code: BoardErrorCode = 'invalid-author'
    expect(new BoardError(code, 'bad author').code).toBe(code)
  })
})

describe('author and time', () => {
  it('[V11] bad author fields and timestamps are refused and leave the doc untouched', () => {
    const { doc } = fixture()
    const base = { x: 0, y: 0, authorId: 'u', authorName: 'U' }
    expectRejected(doc, 'invalid-author', () => addNote(doc, { ...base, authorId: 'x'.repeat(65) }))
    expectRejected(doc, 'invalid-author', () => addNote(doc, { ...base, authorName: 'n'.repeat(81) }))
    expectRejected(doc, 'invalid-author', () => addNote(doc, { ...base, authorName: undefined as unknown as string }))
    expectRejected(doc, 'invalid-number', () => addNote(doc, { ...base, now: Number.NaN }))
    expectRejected(doc, 'invalid-number', () => addNote(doc, { ...base, now: -1 }))
  })
})

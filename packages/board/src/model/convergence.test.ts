import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardError, type BoardErrorCode } from './errors.js'
import { MAX_COORDINATE, MAX_NOTE_SIZE, MAX_NOTE_TEXT_LENGTH, MAX_TITLE_LENGTH, MIN_NOTE_SIZE } from './limits.js'
import { initBoard, setBoardTitle } from './meta.js'
import {
  addNote,
  bringToFront,
  deleteNotes,
  listNotes,
  moveNotes,
  readNote,
  recolourNotes,
  resizeNote,
  setNoteText,
} from './note.js'
import { isNoteColour, NOTE_COLOURS, type NoteColour } from './palette.js'
import { createBoardReader } from './reader.js'
import { expectRejected, newDoc, playRounds, seededDoc } from './test-support.js'

const SEEDED = ['seed-note-1', 'seed-note-2', 'seed-note-3']
/** Ids shared by all peers, so that peers act on each other's notes and even add the same id at once. */
const POOL = [...SEEDED, 'new-note-a', 'new-note-b', 'new-note-c', 'new-note-d']

const idArb = fc.constantFrom(...POOL)
const idsArb = fc.array(idArb, { maxLength: 4 })
const colourArb = fc.constantFrom(...NOTE_COLOURS)
const textArb = fc.oneof(
  // Several emoji share a high surrogate (😀 😁 👍 are all U+D83D …), so edits between them end mid-pair.
  fc.string({
    unit: fc.constantFrom('a', ' ', 'å', 'ä', 'ö', 'Å', 'é', '😀', '😁', '👍', '👍🏽', '🇸🇪', '\n'),
    maxLength: 12,
  }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
)
const offsetArb = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.double({ min: -1000, max: 1000, noNaN: true }))

type Op =
  | { kind: 'add'; id: string; x: number; y: number; colour: NoteColour; text: string }
  | { kind: 'text'; id: string; text: string }
  | { kind: 'type'; id: string; at: number; remove: number; insert: string }
  | { kind: 'move'; ids: string[]; dx: number; dy: number }
  | { kind: 'resize'; id: string; width: number; height: number }
  | { kind: 'recolour'; ids: string[]; colour: NoteColour }
  | { kind: 'front'; ids: string[] }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'title'; title: string }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add'), id: idArb, x: offsetArb, y: offsetArb, colour: colourArb, text: textArb }),
  fc.record({ kind: fc.constant('text'), id: idArb, text: textArb }),
  fc.record({ kind: fc.constant('type'), id: idArb, at: fc.nat(40), remove: fc.nat(3), insert: textArb }),
  fc.record({ kind: fc.constant('move'), ids: idsArb, dx: offsetArb, dy: offsetArb }),
  fc.record({
    kind: fc.constant('resize'),
    id: idArb,
    width: fc.integer({ min: MIN_NOTE_SIZE, max: MAX_NOTE_SIZE }),
    height: fc.double({ min: MIN_NOTE_SIZE, max: MAX_NOTE_SIZE, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('recolour'), ids: idsArb, colour: colourArb }),
  fc.record({ kind: fc.constant('front'), ids: idsArb }),
  fc.record({ kind: fc.constant('delete'), ids: idsArb }),
  fc.record({ kind: fc.constant('title'), title: textArb }),
)

/** Applies one op; for text ops, returns the text the note must now hold. */
function apply(doc: Y.Doc, op: Op): string | undefined {
  switch (op.kind) {
    case 'add':
      addNote(doc, { ...op, authorId: `peer-${doc.clientID}`, authorName: 'Märta', now: 1 })
      return op.text
    case 'text':
      setNoteText(doc, op.id, op.text)
      return op.text
    case 'type': {
      // A keystroke-sized edit at a code point position, as a text field would produce.
      const chars = Array.from(readNote(doc, op.id)?.text ?? '')
      const at = op.at % (chars.length + 1)
      chars.splice(at, op.remove, op.insert)
      setNoteText(doc, op.id, chars.join(''))
      return chars.join('')
    }
    case 'move':
      moveNotes(doc, op.ids, op.dx, op.dy)
      return undefined
    case 'resize':
      resizeNote(doc, op.id, op.width, op.height)
      return undefined
    case 'recolour':
      recolourNotes(doc, op.ids, op.colour)
      return undefined
    case 'front':
      bringToFront(doc, op.ids)
      return undefined
    case 'delete':
      deleteNotes(doc, op.ids)
      return undefined
    case 'title':
      setBoardTitle(doc, op.title)
      return undefined
  }
}

/** Applies an op that may legitimately fail (e.g. the note is not here yet); failures must change nothing. */
function tryApply(doc: Y.Doc, op: Op, outbox: Uint8Array[]): void {
  const sent = outbox.length
  try {
    const text = apply(doc, op)
    if (text !== undefined && 'id' in op) expect(readNote(doc, op.id)?.text).toBe(text)
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    expect(outbox.length).toBe(sent)
  }
}

const roundArb = fc.record({
  ops: fc.tuple(...[0, 1, 2].map(() => fc.array(opArb, { maxLength: 6 }))),
  /** Partial syncs between rounds: update `pick` (modulo the count so far) is delivered to peer `to`. */
  deliveries: fc.array(fc.record({ to: fc.nat(2), pick: fc.nat() }), { maxLength: 10 }),
})

describe('convergence', () => {
  it('[C1] three peers converge whatever the operations, delivery order and duplicates', () => {
    fc.assert(
      fc.property(fc.array(roundArb, { minLength: 1, maxLength: 3 }), fc.gen(), (rounds, g) => {
        const origin = newDoc(100)
        initBoard(origin, { title: 'Gemensam tavla', now: 1 })
        for (const id of SEEDED) addNote(origin, { id, x: 0, y: 0, authorId: 'o', authorName: 'O', now: 1 })
        const initial = Y.encodeStateAsUpdate(origin)
        const peers = playRounds(g, initial, rounds, tryApply, 5).map((doc) => ({
          doc,
          reader: createBoardReader(doc),
        }))

        const [first, ...others] = peers.map(({ doc, reader }) => ({
          json: doc.toJSON(),
          notes: listNotes(doc),
          stateVector: Y.encodeStateVector(doc),
          layout: reader.getLayout(),
          snapshots: listNotes(doc).map((note) => reader.getNote(note.id)),
        }))
        for (const other of others) {
          expect(other.json).toEqual(first?.json)
          expect(other.notes).toEqual(first?.notes)
          expect(other.stateVector).toEqual(first?.stateVector)
        }
        for (const view of [first, ...others]) {
          expect(view?.snapshots).toEqual(view?.notes)
          expect(view?.layout).toEqual(
            view?.notes.map(({ id, x, y, width, height, colour, order }) => ({
              id,
              x,
              y,
              width,
              height,
              colour,
              order,
            })),
          )
        }
        for (const peer of peers) peer.reader.destroy()
      }),
      { numRuns: 200 },
    )
  }, 20_000) // a property over many runs: seconds alone, more on a busy machine
})

const badNumberArb = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.double({ min: MAX_COORDINATE, minExcluded: true }),
  fc.double({ max: -MAX_COORDINATE, maxExcluded: true }),
)
const badSizeArb = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
  fc.double({ max: MIN_NOTE_SIZE, maxExcluded: true }),
  fc.double({ min: MAX_NOTE_SIZE, minExcluded: true }),
)
const badIdArb = fc.string({ maxLength: 70 }).filter((id) => !/^[A-Za-z0-9_-]{8,64}$/.test(id))
const unknownIdArb = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).filter((id) => !id.startsWith('note-'))
const longTextArb = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.nat(100))
  .map(([tail, extra]) => `${'ö'.repeat(MAX_NOTE_TEXT_LENGTH + 1 + extra)}${tail}`)

type Invalid = { code: BoardErrorCode; run: (doc: Y.Doc, ids: string[]) => unknown }
const author = { authorId: 'u', authorName: 'U', x: 0, y: 0 }

/** An invalid call built from a generated bad value, with the error code it must throw. */
function invalid<T>(
  arb: fc.Arbitrary<T>,
  code: BoardErrorCode,
  run: (bad: T, doc: Y.Doc, ids: string[]) => unknown,
): fc.Arbitrary<Invalid> {
  return arb.map((bad) => ({ code, run: (doc, ids) => run(bad, doc, ids) }))
}

const badColourArb = fc.string().filter((colour) => !isNoteColour(colour)) as fc.Arbitrary<NoteColour>
const longTitleArb = fc.string({ minLength: MAX_TITLE_LENGTH + 1, maxLength: MAX_TITLE_LENGTH + 20 })

const invalidArb = fc.oneof(
  invalid(badNumberArb, 'invalid-number', (bad, doc) => addNote(doc, { ...author, x: bad })),
  invalid(badNumberArb, 'invalid-number', (bad, doc, ids) => moveNotes(doc, ids, 0, bad)),
  invalid(badSizeArb, 'invalid-size', (bad, doc, ids) => resizeNote(doc, ids[0] ?? '', 100, bad)),
  invalid(badSizeArb, 'invalid-size', (bad, doc) => addNote(doc, { ...author, width: bad })),
  invalid(badColourArb, 'invalid-colour', (bad, doc, ids) => recolourNotes(doc, ids, bad)),
  invalid(longTextArb, 'text-too-long', (bad, doc, ids) => setNoteText(doc, ids[0] ?? '', bad)),
  invalid(longTextArb, 'text-too-long', (bad, doc) => addNote(doc, { ...author, text: bad })),
  invalid(longTitleArb, 'title-too-long', (bad, doc) => setBoardTitle(doc, bad)),
  invalid(badIdArb, 'invalid-id', (bad, doc, ids) => deleteNotes(doc, [...ids, bad])),
  invalid(badIdArb, 'invalid-id', (bad, doc, ids) => bringToFront(doc, [...ids, bad])),
  invalid(badIdArb, 'invalid-id', (bad, doc) => addNote(doc, { ...author, id: bad })),
  invalid(unknownIdArb, 'note-not-found', (bad, doc, ids) => moveNotes(doc, [...ids, bad], 1, 1)),
  invalid(unknownIdArb, 'note-not-found', (bad, doc) => setNoteText(doc, bad, 'x')),
)

describe('invalid input', () => {
  it('[C2] never changes the encoded state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), invalidArb, (count, invalid) => {
        const { doc, ids } = seededDoc(count)
        expectRejected(doc, invalid.code, () => invalid.run(doc, ids))
      }),
      { numRuns: 200 },
    )
  })
})

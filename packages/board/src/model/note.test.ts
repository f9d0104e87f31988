import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteEntry } from './entries.js'
import { DEFAULT_NOTE_SIZE } from './limits.js'
import {
  addNote,
  bringToFront,
  compareStacking,
  deleteNotes,
  listNotes,
  moveNotes,
  readNote,
  recolourNotes,
  resizeNote,
  setNoteText,
} from './note.js'
import { NOTE_COLOURS } from './palette.js'
import { notesMap } from './schema.js'
import { add, countEvents, newDoc, peerOf, seededDoc, sync } from './test-support.js'

const ids = (doc: Y.Doc) => listNotes(doc).map((note) => note.id)

function textDeltas(doc: Y.Doc, id: string, fn: () => void): unknown[] {
  const yText = noteEntry(doc, id)?.get('text')
  if (!(yText instanceof Y.Text)) throw new Error('note has no Y.Text')
  const deltas: unknown[] = []
  const observer = (event: Y.YTextEvent) => deltas.push(event.delta)
  yText.observe(observer)
  fn()
  yText.unobserve(observer)
  return deltas
}

describe('addNote', () => {
  it('[N1][D2] creates a note with the given fields in one transaction and returns its id', () => {
    const doc = newDoc()
    const input = {
      id: 'note-abc_123',
      x: -12.5,
      y: 300,
      text: 'Hej på dig 👋',
      width: 200,
      height: 90,
      colour: 'blue' as const,
      authorId: 'user-1',
      authorName: 'Örjan',
      now: 1234,
    }
    const { updates, transactions } = countEvents(doc, () => expect(addNote(doc, input)).toBe('note-abc_123'))
    expect(updates).toBe(1)
    expect(transactions).toBe(1)
    const { id, x, y, text, width, height, colour, authorId, authorName, now } = input
    const note = readNote(doc, id)
    expect(note).toEqual({
      id,
      x,
      y,
      text,
      width,
      height,
      colour,
      authorId,
      authorName,
      createdAt: now,
      order: 'a0',
      clusterId: null,
    })
    const map = noteEntry(doc, id)
    expect([...(map?.keys() ?? [])].sort()).toEqual(
      ['authorId', 'authorName', 'colour', 'createdAt', 'height', 'order', 'text', 'width', 'x', 'y'].sort(),
    )
    expect(map?.get('text')).toBeInstanceOf(Y.Text)
  })

  it('[N1][P1][P2] fills in defaults and generates a valid nanoid', () => {
    const doc = newDoc()
    const before = Date.now()
    const id = addNote(doc, { x: 1, y: 2, authorId: 'u', authorName: 'U' })
    expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    const note = readNote(doc, id)
    expect(note).toMatchObject({ text: '', width: DEFAULT_NOTE_SIZE, height: DEFAULT_NOTE_SIZE, colour: 'yellow' })
    expect(note?.createdAt).toBeGreaterThanOrEqual(before)
    expect(addNote(doc, { x: 1, y: 2, authorId: 'u', authorName: 'U' })).not.toBe(id)
    expect(NOTE_COLOURS).toEqual(['yellow', 'orange', 'pink', 'purple', 'blue', 'green', 'grey'])
  })

  it('[S2] each new note lands on top of the stack', () => {
    const { doc } = seededDoc(0)
    const added = Array.from({ length: 5 }, (_, i) => add(doc, { id: `stack-${i}-note` }))
    expect(ids(doc)).toEqual(added)
    bringToFront(doc, [added[0] ?? ''])
    const last = add(doc, { id: 'stack-last-note' })
    expect(ids(doc).at(-1)).toBe(last)
  })

  it('[V9] a lone surrogate in text or author name is stored as U+FFFD', () => {
    const doc = newDoc()
    const id = add(doc, { text: 'x\uDE00y', authorName: '\uD83D' })
    expect(readNote(doc, id)).toMatchObject({ text: 'x\uFFFDy', authorName: '\uFFFD' })
    expect(peerOf(doc, 2).toJSON()).toEqual(doc.toJSON())
  })
})

describe('setNoteText', () => {
  it('[N2] applies only the changed middle as a Y.Text delta', () => {
    const doc = newDoc()
    const id = add(doc, { text: 'hello world' })
    expect(textDeltas(doc, id, () => setNoteText(doc, id, 'hello brave world'))).toEqual([
      [{ retain: 6 }, { insert: 'brave ' }],
    ])
    expect(textDeltas(doc, id, () => setNoteText(doc, id, 'hello world'))).toEqual([[{ retain: 6 }, { delete: 6 }]])
    expect(textDeltas(doc, id, () => setNoteText(doc, id, 'hello wörld'))).toEqual([
      [{ retain: 7 }, { delete: 1 }, { insert: 'ö' }],
    ])
    // Two changes in one call: everything between the first and the last difference is replaced.
    expect(textDeltas(doc, id, () => setNoteText(doc, id, 'jello wörlD'))).toEqual([
      [{ delete: 11 }, { insert: 'jello wörlD' }],
    ])
    expect(readNote(doc, id)?.text).toBe('jello wörlD')
  })

  it('[N2] unchanged text fires no update', () => {
    const doc = newDoc()
    const id = add(doc, { text: 'same' })
    expect(countEvents(doc, () => setNoteText(doc, id, 'same')).updates).toBe(0)
  })

  it('[N2] never splits a surrogate pair: the stored text equals the requested text', () => {
    const doc = newDoc()
    const id = add(doc, { text: 'hej 😀!' })
    for (const next of ['hej 😁!', 'hej 😁😀!', '😀', '👍🏽 🇸🇪', '👍🏿 🇸🇪', '🇸🇪', '🇳🇴', '', 'å😀ä😁ö']) {
      setNoteText(doc, id, next)
      expect(readNote(doc, id)?.text).toBe(next)
      expect(peerOf(doc, 9).toJSON()).toEqual(doc.toJSON())
    }
  })

  it('[N3] two peers typing in different parts of one note keep both edits', () => {
    const a = newDoc(1)
    const id = add(a, { text: 'The quick fox jumps' })
    const b = peerOf(a, 2)
    setNoteText(a, id, 'The quick brown fox jumps')
    setNoteText(b, id, 'A quick fox jumps')
    setNoteText(b, id, 'A quick fox jumps high 🦊')
    sync(a, b)
    sync(b, a)
    expect(readNote(a, id)?.text).toBe('A quick brown fox jumps high 🦊')
    expect(readNote(b, id)?.text).toBe('A quick brown fox jumps high 🦊')
  })

  it('[N3] concurrent edits next to emoji keep both edits without U+FFFD', () => {
    const a = newDoc(1)
    const id = add(a, { text: '😀 och 😁' })
    const b = peerOf(a, 2)
    setNoteText(a, id, '😃 och 😁')
    setNoteText(b, id, '😀 och 😁 å ä ö')
    sync(a, b)
    sync(b, a)
    expect(readNote(a, id)?.text).toBe('😃 och 😁 å ä ö')
    expect(a.toJSON()).toEqual(b.toJSON())
  })

  it('[D3] replaces a text field that a peer left out or mistyped', () => {
    const doc = newDoc()
    const id = add(doc)
    noteEntry(doc, id)?.set('text', 42)
    expect(readNote(doc, id)?.text).toBe('')
    setNoteText(doc, id, 'fixed')
    expect(readNote(doc, id)?.text).toBe('fixed')
  })
})

describe('moveNotes', () => {
  it('[N4] moves many notes by the same offset in exactly one transaction', () => {
    const { doc, ids: all } = seededDoc(20)
    all.forEach((id, i) => {
      moveNotes(doc, [id], i * 10, -i)
    })
    const { updates, transactions } = countEvents(doc, () => moveNotes(doc, all, 5, -2.5))
    expect(updates).toBe(1)
    expect(transactions).toBe(1)
    all.forEach((id, i) => {
      expect(readNote(doc, id)).toMatchObject({ x: i * 10 + 5, y: -i - 2.5 })
    })
  })

  it('[N4] ignores duplicate ids and leaves other notes alone', () => {
    const { doc, ids: all } = seededDoc(3)
    const [first = '', second = '', third = ''] = all
    moveNotes(doc, [first, first, second], 10, 20)
    expect(readNote(doc, first)).toMatchObject({ x: 10, y: 20 })
    expect(readNote(doc, second)).toMatchObject({ x: 10, y: 20 })
    expect(readNote(doc, third)).toMatchObject({ x: 0, y: 0 })
  })

  it('[N4] an empty selection fires no update', () => {
    const { doc } = seededDoc(2)
    expect(countEvents(doc, () => moveNotes(doc, [], 1, 1)).updates).toBe(0)
  })
})

describe('resizeNote, recolourNotes, deleteNotes', () => {
  it('[N5] resizeNote sets width and height, limits included', () => {
    const { doc, ids: all } = seededDoc(1)
    const id = all[0] ?? ''
    resizeNote(doc, id, 60, 1200)
    expect(readNote(doc, id)).toMatchObject({ width: 60, height: 1200 })
    expect(countEvents(doc, () => resizeNote(doc, id, 333.5, 61)).updates).toBe(1)
    expect(readNote(doc, id)).toMatchObject({ width: 333.5, height: 61 })
  })

  it('[N6] recolourNotes recolours every listed note in one transaction', () => {
    const { doc, ids: all } = seededDoc(4)
    const chosen = all.slice(1)
    expect(countEvents(doc, () => recolourNotes(doc, chosen, 'green')).updates).toBe(1)
    expect(listNotes(doc).map((note) => note.colour)).toEqual(['yellow', 'green', 'green', 'green'])
    for (const colour of NOTE_COLOURS) recolourNotes(doc, all, colour)
    expect(listNotes(doc).every((note) => note.colour === 'grey')).toBe(true)
  })

  it('[N8] deleteNotes removes every listed note in one transaction', () => {
    const { doc, ids: all } = seededDoc(5)
    const [a = '', b = '', c = '', d = '', e = ''] = all
    expect(countEvents(doc, () => deleteNotes(doc, [b, d, b])).updates).toBe(1)
    expect(ids(doc)).toEqual([a, c, e])
    expect(readNote(doc, b)).toBeUndefined()
    deleteNotes(doc, [a, c, e])
    expect(listNotes(doc)).toEqual([])
  })
})

describe('stacking', () => {
  it('[N7] bringToFront puts the notes on top and keeps their relative order', () => {
    const { doc, ids: all } = seededDoc(6)
    const [n1 = '', n2 = '', n3 = '', n4 = '', n5 = '', n6 = ''] = all
    expect(countEvents(doc, () => bringToFront(doc, [n4, n1, n2])).updates).toBe(1)
    expect(ids(doc)).toEqual([n3, n5, n6, n1, n2, n4])
    bringToFront(doc, [n6])
    expect(ids(doc)).toEqual([n3, n5, n1, n2, n4, n6])
    bringToFront(doc, all)
    expect(ids(doc)).toEqual([n3, n5, n1, n2, n4, n6])
  })

  it('[S1][N9] listNotes is bottom-first by order key, ties broken by id', () => {
    const a = newDoc(1)
    addBaseNote(a)
    const b = peerOf(a, 2)
    const fromB = add(b, { id: 'aaaa-from-b' })
    const fromA = add(a, { id: 'zzzz-from-a' })
    sync(a, b)
    sync(b, a)
    expect(readNote(a, fromA)?.order).toBe(readNote(a, fromB)?.order)
    expect(ids(a)).toEqual(['base-note', fromB, fromA])
    expect(listNotes(b)).toEqual(listNotes(a))
    expect(compareStacking({ id: 'b', order: 'a0' }, { id: 'a', order: 'a1' })).toBeLessThan(0)
    expect(compareStacking({ id: 'b', order: 'a1' }, { id: 'a', order: 'a1' })).toBeGreaterThan(0)
    expect(compareStacking({ id: 'a', order: 'a1' }, { id: 'a', order: 'a1' })).toBe(0)
  })

  it('[S1] order keys compare by code unit across digit, upper and lower case keys', () => {
    const { doc, ids: all } = seededDoc(0)
    for (let i = 0; i < 80; i++) all.push(add(doc, { id: `many-${String(i).padStart(3, '0')}` }))
    const orders = listNotes(doc).map((note) => note.order)
    expect(new Set(orders.map((order) => order[1])).size).toBeGreaterThan(30)
    expect(ids(doc)).toEqual(all)
  })

  it('[N9][D3] readNote tolerates missing and mistyped fields', () => {
    const doc = newDoc()
    const map = new Y.Map<unknown>()
    notesMap(doc).set('peer-note-1', map)
    map.set('x', Number.NaN)
    map.set('colour', '#ff0000')
    map.set('width', '200')
    expect(readNote(doc, 'peer-note-1')).toEqual({
      id: 'peer-note-1',
      text: '',
      x: 0,
      y: 0,
      width: DEFAULT_NOTE_SIZE,
      height: DEFAULT_NOTE_SIZE,
      colour: 'yellow',
      authorId: '',
      authorName: '',
      createdAt: 0,
      order: '',
      clusterId: null,
    })
    expect(readNote(doc, 'not-there-at-all')).toBeUndefined()
  })
})

function addBaseNote(doc: Y.Doc): void {
  add(doc, { id: 'base-note' })
}

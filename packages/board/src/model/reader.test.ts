import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteEntry } from './entries.js'
import { setBoardTitle } from './meta.js'
import {
  bringToFront,
  deleteNotes,
  listNotes,
  moveNotes,
  readNote,
  recolourNotes,
  resizeNote,
  setNoteText,
} from './note.js'
import { createBoardReader } from './reader.js'
import { add, peerOf, REMOTE, seededDoc, sync } from './test-support.js'

/** Counts calls per listener name. */
function tally() {
  const counts: Record<string, number> = {}
  const listener = (name: string) => () => {
    counts[name] = (counts[name] ?? 0) + 1
  }
  return { counts, listener }
}

function watched(count = 3) {
  const { doc, ids } = seededDoc(count)
  const reader = createBoardReader(doc)
  const { counts, listener } = tally()
  for (const id of ids) reader.subscribeNote(id, listener(id))
  reader.subscribeLayout(listener('layout'))
  reader.subscribeMeta(listener('meta'))
  const [a = '', b = '', c = ''] = ids
  return { doc, reader, counts, listener, ids, a, b, c }
}

describe('createBoardReader', () => {
  it('[R1] a text edit on note A wakes only A: not B, not the layout, not the meta', () => {
    const { doc, reader, counts, a } = watched()
    const before = reader.getNote(a)
    setNoteText(doc, a, 'Bara A ändras')
    expect(counts).toEqual({ [a]: 1 })
    expect(reader.getNote(a)).not.toBe(before)
    expect(reader.getNote(a)?.text).toBe('Bara A ändras')
  })

  it('[R1][R2] moving one note wakes that note and the layout, once per transaction', () => {
    const { doc, counts, a, b } = watched()
    moveNotes(doc, [a], 5, 5)
    expect(counts).toEqual({ [a]: 1, layout: 1 })
    moveNotes(doc, [a, b], 1, 1)
    expect(counts).toEqual({ [a]: 2, [b]: 1, layout: 2 })
  })

  it('[R2] layout listeners fire on add, move, resize, recolour, bringToFront and delete', () => {
    const { doc, reader, counts, a, b, c } = watched()
    const steps: [string, () => unknown][] = [
      ['add', () => add(doc, { id: 'added-note' })],
      ['move', () => moveNotes(doc, [a, b], 3, 4)],
      ['resize', () => resizeNote(doc, c, 80, 90)],
      ['recolour', () => recolourNotes(doc, [a], 'pink')],
      ['bringToFront', () => bringToFront(doc, [a])],
      ['delete', () => deleteNotes(doc, [b, 'added-note'])],
    ]
    for (const [name, step] of steps) {
      const before = reader.getLayout()
      const fired = counts.layout ?? 0
      step()
      expect(counts.layout, name).toBe(fired + 1)
      expect(reader.getLayout(), name).not.toBe(before)
    }
    expect(reader.getLayout()).toEqual(
      listNotes(doc).map(({ id, x, y, width, height, colour, order }) => ({ id, x, y, width, height, colour, order })),
    )
    expect(reader.getLayout().map((note) => note.id)).toEqual([c, a])
  })

  it('[R1] add and delete wake the listeners of that id only', () => {
    const { doc, reader, counts, listener, a } = watched()
    reader.subscribeNote('future-note', listener('future'))
    expect(reader.getNote('future-note')).toBeUndefined()
    add(doc, { id: 'future-note', text: 'ny' })
    expect(counts).toEqual({ future: 1, layout: 1 })
    expect(reader.getNote('future-note')?.text).toBe('ny')
    deleteNotes(doc, [a])
    expect(counts).toEqual({ future: 1, layout: 2, [a]: 1 })
    expect(reader.getNote(a)).toBeUndefined()
  })

  it('[R3] snapshots are the same object until what they cover changes', () => {
    const { doc, reader, a, b } = watched()
    const noteA = reader.getNote(a)
    const noteB = reader.getNote(b)
    const layout = reader.getLayout()
    const meta = reader.getMeta()
    expect(reader.getNote(a)).toBe(noteA)
    expect(reader.getLayout()).toBe(layout)
    expect(reader.getMeta()).toBe(meta)
    setNoteText(doc, a, 'changed')
    expect(reader.getNote(a)).not.toBe(noteA)
    expect(reader.getNote(a)).toBe(reader.getNote(a))
    expect(reader.getNote(b)).toBe(noteB)
    expect(reader.getLayout()).toBe(layout)
    expect(reader.getMeta()).toBe(meta)
    moveNotes(doc, [b], 1, 0)
    expect(reader.getNote(b)).not.toBe(noteB)
    expect(reader.getNote(b)?.x).toBe(1)
    expect(reader.getLayout()).not.toBe(layout)
    expect(reader.getMeta()).toBe(meta)
  })

  it('[R3] an unchanged note keeps its snapshot without any subscriber, too', () => {
    const { doc, ids } = seededDoc(2)
    const reader = createBoardReader(doc)
    const [a = '', b = ''] = ids
    const noteA = reader.getNote(a)
    moveNotes(doc, [b], 1, 1)
    expect(reader.getNote(a)).toBe(noteA)
    expect(reader.getNote(a)).toEqual(readNote(doc, a))
  })

  it('[R3] a snapshot read inside a listener is already current', () => {
    const { doc, ids } = seededDoc(1)
    const reader = createBoardReader(doc)
    const id = ids[0] ?? ''
    const seen: (string | undefined)[] = []
    const layoutSeen: number[] = []
    reader.subscribeNote(id, () => seen.push(reader.getNote(id)?.text))
    reader.subscribeLayout(() => layoutSeen.push(reader.getLayout()[0]?.x ?? Number.NaN))
    setNoteText(doc, id, 'one')
    moveNotes(doc, [id], 7, 0)
    expect(seen).toEqual(['one', 'one'])
    expect(layoutSeen).toEqual([7])
  })

  it('[R4] remote updates applied with Y.applyUpdate notify like local writes', () => {
    const { doc, reader, counts, a, b } = watched()
    const peer = peerOf(doc, 2)
    setNoteText(peer, a, 'från en annan dator')
    sync(peer, doc)
    expect(counts).toEqual({ [a]: 1 })
    expect(reader.getNote(a)?.text).toBe('från en annan dator')
    moveNotes(peer, [b], 10, 0)
    recolourNotes(peer, [b], 'purple')
    add(peer, { id: 'remote-note' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), REMOTE)
    expect(counts).toEqual({ [a]: 1, [b]: 1, layout: 1 })
    expect(reader.getLayout().map((note) => note.id)).toContain('remote-note')
    expect(reader.getNote(b)).toMatchObject({ x: 10, colour: 'purple' })
    setBoardTitle(peer, 'Fjärrtitel')
    sync(peer, doc)
    expect(counts.meta).toBe(1)
    expect(reader.getMeta().title).toBe('Fjärrtitel')
  })

  it('[R5] meta listeners fire on a title change and the meta snapshot updates', () => {
    const { doc, reader, counts } = watched()
    const meta = reader.getMeta()
    expect(meta.title).toBe('Retro')
    setBoardTitle(doc, 'Planering')
    expect(counts).toEqual({ meta: 1 })
    expect(reader.getMeta()).not.toBe(meta)
    expect(reader.getMeta()).toEqual({ ...meta, title: 'Planering' })
  })

  it('[R6] unsubscribe stops that listener only, and calling it twice is harmless', () => {
    const { doc, ids } = seededDoc(1)
    const reader = createBoardReader(doc)
    const id = ids[0] ?? ''
    const { counts, listener } = tally()
    const first = reader.subscribeNote(id, listener('first'))
    const keep = reader.subscribeNote(id, listener('keep'))
    first()
    setNoteText(doc, id, 'a')
    expect(counts).toEqual({ keep: 1 })
    keep()
    const later = reader.subscribeNote(id, listener('later'))
    first()
    keep()
    setNoteText(doc, id, 'b')
    expect(counts).toEqual({ keep: 1, later: 1 })
    later()
    const unsubscribeLayout = reader.subscribeLayout(listener('layout'))
    unsubscribeLayout()
    unsubscribeLayout()
    moveNotes(doc, [id], 1, 1)
    expect(counts).toEqual({ keep: 1, later: 1 })
  })

  it('[R7] destroy stops every notification', () => {
    const { doc, reader, counts, a } = watched()
    reader.destroy()
    setNoteText(doc, a, 'quiet')
    moveNotes(doc, [a], 1, 1)
    setBoardTitle(doc, 'quiet')
    add(doc, { id: 'quiet-note' })
    expect(counts).toEqual({})
  })

  it('[R1] a peer writing a non-layout field wakes only that note', () => {
    const { doc, reader, counts, c } = watched()
    noteEntry(doc, c)?.set('authorName', 'Ändrad')
    expect(counts).toEqual({ [c]: 1 })
    expect(reader.getNote(c)?.authorName).toBe('Ändrad')
  })
})

/** Tests for counting what a board holds and what an update would add to it (SPEC [BL*]). */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster } from './cluster.js'
import {
  type BoardCounts,
  BoardCounter,
  type CountLimits,
  checkCounts,
  itemCount,
  onlyDeletes,
} from './board-counts.js'
import { initBoard } from './meta.js'
import { addNote, deleteNotes, setNoteText } from './note.js'
import { countStructs } from './struct-count.js'

const LIMITS: CountLimits = { maxNotes: 3, maxGroups: 1, maxItems: 10_000, maxItemsPerUpdate: 1_000 }

/** A change made on a copy of `live`, as the update it sends. */
function changeOf(live: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

function board() {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Counted', now: 1 })
  const counter = new BoardCounter(doc)
  return { doc, counter }
}

const note = (doc: Y.Doc, text = 'idea') => addNote(doc, { x: 0, y: 0, text })

describe('[BL] a board’s counts and the count limits', () => {
  it('[BL1] the counter follows notes, groups and items as changes land', () => {
    const { doc, counter } = board()
    expect(counter.counts).toMatchObject({ notes: 0, groups: 0 })
    const ids = [note(doc), note(doc)]
    createCluster(doc, { name: 'G', x: 0, y: 0 })
    expect(counter.counts).toEqual({ notes: 2, groups: 1, items: itemCount(doc) })
    deleteNotes(doc, ids.slice(0, 1))
    expect(counter.counts.notes).toBe(1)
    Y.applyUpdate(
      doc,
      changeOf(doc, (copy) => note(copy)),
    )
    expect(counter.counts).toEqual({ notes: 2, groups: 1, items: itemCount(doc) })
  })

  it('[BL2] an update past the note or group limit is over; one that edits, or replaces a key, is within', () => {
    const { doc, counter } = board()
    const ids = [note(doc), note(doc), note(doc)]
    createCluster(doc, { name: 'G', x: 0, y: 0 })
    const check = (update: Uint8Array, counts: BoardCounts = counter.counts) => checkCounts(doc, update, counts, LIMITS)
    expect(check(changeOf(doc, (copy) => note(copy))).kind).toBe('over')
    expect(check(changeOf(doc, (copy) => createCluster(copy, { name: 'H', x: 0, y: 0 })))).toMatchObject({
      kind: 'over',
      reason: 'the board holds 1 groups',
    })
    expect(check(changeOf(doc, (copy) => setNoteText(copy, ids[0] as string, 'longer idea'))).kind).toBe('within')
    // Replacing a note under its own key adds none.
    const replaced = changeOf(doc, (copy) => copy.getMap('notes').set(ids[1] as string, new Y.Map()))
    expect(check(replaced).kind).toBe('within')
    // What is queued ahead of an update counts too.
    const text = changeOf(doc, (copy) => setNoteText(copy, ids[0] as string, 'x'))
    expect(check(text, { ...counter.counts, items: LIMITS.maxItems }).kind).toBe('over')
  })

  it('[BL3] an update of more structs than allowed is over; a long text pasted in one go is one struct', () => {
    const { doc } = board()
    const id = note(doc)
    const long = changeOf(doc, (copy) => setNoteText(copy, id, 'y'.repeat(1_500)))
    expect(checkCounts(doc, long, { notes: 1, groups: 0, items: 0 }, LIMITS).kind).toBe('within')
    const nested = changeOf(doc, (copy) => {
      const junk = new Y.Map<unknown>()
      copy.getMap('junk').set('x', junk)
      for (let i = 0; i < 1_200; i++) junk.set(`k${i}`, i)
    })
    expect(checkCounts(doc, nested, { notes: 1, groups: 0, items: 0 }, LIMITS)).toMatchObject({
      kind: 'over',
      reason: 'more than 1000 items in one update',
    })
  })

  it('[BL4] deletions only are told apart: they add nothing and pass on a full board', () => {
    const { doc, counter } = board()
    const ids = [note(doc), note(doc), note(doc)]
    const deletion = changeOf(doc, (copy) => deleteNotes(copy, ids))
    expect(onlyDeletes(doc, deletion)).toBe(true)
    expect(
      onlyDeletes(
        doc,
        changeOf(doc, (copy) => note(copy)),
      ),
    ).toBe(false)
    const full = { ...counter.counts, items: LIMITS.maxItems }
    expect(checkCounts(doc, deletion, full, LIMITS).kind).toBe('within')
  })

  it('[BL5] structs are counted without decoding, as Yjs decodes them, and the count stops past its cap', () => {
    const { doc } = board()
    const ids = [note(doc, 'first'), note(doc, 'second')]
    const updates = [
      Y.encodeStateAsUpdate(doc),
      changeOf(doc, (copy) => setNoteText(copy, ids[0] as string, 'ändrad text, 日本語 och emoji 🎉')),
      changeOf(doc, (copy) => deleteNotes(copy, ids)),
      changeOf(doc, (copy) => {
        const any = copy.getMap('any')
        any.set('values', [1, -7, 2 ** 40, 1.5, 'text', null, true, { a: [1, { b: 'c' }] }, new Uint8Array([1, 2])])
        copy.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('t')])
        copy.getText('rich').insert(0, 'bold', { bold: true })
        copy.getText('rich').insertEmbed(4, { image: 'x' })
      }),
    ]
    for (const update of updates) expect(countStructs(update, 1e9)).toBe(Y.decodeUpdate(update).structs.length)
    const many = changeOf(doc, (copy) => {
      for (let i = 0; i < 50; i++) copy.getMap('junk').set(`k${i}`, i)
    })
    expect(countStructs(many, 10)).toBe(11)
    expect(() => countStructs(many.slice(0, many.length - 20), 1e9)).toThrow()
  })
  it('[BL6] many small updates queued at once count as what they add; a re-sent local copy counts only what is new', () => {
    const { doc, counter } = board()
    const limits = { ...LIMITS, maxNotes: 500, maxItems: 100_000 }
    // 400 notes, each from a client of its own (page loads), all queued before any is applied.
    let queued = counter.counts
    for (let client = 1; client <= 400; client++) {
      const update = changeOf(doc, (copy) => {
        copy.clientID = 5_000_000 + client
        note(copy, `from client ${client}`)
      })
      const verdict = checkCounts(doc, update, queued, limits)
      expect(verdict.kind).toBe('within')
      if (verdict.kind !== 'within') return
      queued = {
        notes: queued.notes + verdict.adds.notes,
        groups: queued.groups + verdict.adds.groups,
        items: queued.items + verdict.adds.items,
      }
    }
    expect(queued.notes).toBe(400)
    // A client's whole copy, with one new note, on a board holding the rest: the new note alone counts.
    for (let i = 0; i < 100; i++) note(doc)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    note(copy, 'offline')
    const whole = Y.encodeStateAsUpdate(copy)
    const small = { ...limits, maxItemsPerUpdate: 50 }
    expect(countStructs(whole, 1e9)).toBeGreaterThan(small.maxItemsPerUpdate)
    expect(checkCounts(doc, whole, counter.counts, small)).toMatchObject({ kind: 'within', adds: { notes: 1 } })
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster } from './cluster.js'
import { noteEntry } from './entries.js'
import { addNote, listNotes, moveNotes, readNote } from './note.js'
import { boxesOverlap } from './placement.js'
import { type Author, publishPrivateNotes } from './private-notes.js'
import { add, countEvents, expectRejected, newDoc, peerOf, seededDoc } from './test-support.js'

const ME: Author = { authorId: 'participant-7', authorName: 'Zlatan Östergård' }
/** Whether the UTF-8 encoding of `text` occurs in `bytes` (both as binary strings, one char per byte). */
function contains(bytes: Uint8Array, text: string): boolean {
  const utf8 = encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
  return Array.from(bytes, (byte) => String.fromCharCode(byte))
    .join('')
    .includes(utf8)
}
const keysOf = (doc: Y.Doc, id: string) => [...(noteEntry(doc, id)?.keys() ?? [])].sort()

/** A local-only doc with two drafts, written as the client would while private mode is on. */
function privateDrafts(): { privateDoc: Y.Doc; drafts: string[] } {
  const privateDoc = newDoc(50)
  const drafts = [
    addNote(privateDoc, { id: 'draft-0001', x: 40, y: -30, text: 'Första tanken', colour: 'pink', now: 5_000 }),
    addNote(privateDoc, { id: 'draft-0002', x: 900, y: 15.5, width: 300, height: 61, text: '🙈 hemligt', now: 6_000 }),
  ]
  return { privateDoc, drafts }
}

describe('publishing private notes', () => {
  it('[PR1] puts every draft on the board in one transaction, keeping id, position, size, text, colour and time', () => {
    const { doc, ids } = seededDoc(2)
    // Where the drafts were written is free on the board, so they keep their places ([PR6]).
    moveNotes(doc, ids, 5000, 5000)
    const { privateDoc, drafts } = privateDrafts()
    const before = listNotes(privateDoc)
    let published = 0
    const { updates } = countEvents(doc, () => {
      published = publishPrivateNotes(privateDoc, doc, ME)
    })
    expect(published).toBe(2)
    expect(updates).toBe(1)
    for (const draft of before) {
      const { order, ...kept } = draft
      expect(readNote(doc, draft.id)).toMatchObject({ ...kept, ...ME })
    }
    // Stacked on top of the board, in their private order.
    expect(listNotes(doc).map((n) => n.id)).toEqual(['note-0001', 'note-0002', ...drafts])
  })

  it('[PR1] a draft’s clusterId is not carried over: the board’s clusters are not in the private doc', () => {
    const { doc } = seededDoc(0)
    const cluster = createCluster(doc, { name: 'C' })
    const privateDoc = newDoc(50)
    const draft = addNote(privateDoc, { x: 0, y: 0, clusterId: cluster, now: 1 })
    publishPrivateNotes(privateDoc, doc, ME)
    expect(readNote(doc, draft)?.clusterId).toBeNull()
    expect(keysOf(doc, draft)).not.toContain('clusterId')
  })

  it('[PR2] with an author, each note gets it; the drafts’ own author fields are never copied', () => {
    const { doc } = seededDoc(0)
    const privateDoc = newDoc(50)
    const draft = addNote(privateDoc, { x: 0, y: 0, authorId: 'someone-else', authorName: 'Fel Namn', now: 1 })
    publishPrivateNotes(privateDoc, doc, ME)
    expect(readNote(doc, draft)).toMatchObject(ME)
  })

  it('[PR2][AN1] without an author (anonymous mode), the notes store no author fields at all', () => {
    const { doc } = seededDoc(0)
    const privateDoc = newDoc(50)
    const draft = addNote(privateDoc, { x: 0, y: 0, text: 'idé', ...ME, now: 1 })
    publishPrivateNotes(privateDoc, doc, null)
    expect(keysOf(doc, draft)).not.toContain('authorId')
    expect(keysOf(doc, draft)).not.toContain('authorName')
    expect(readNote(doc, draft)).toMatchObject({ text: 'idé', authorId: '', authorName: '' })
    const bytes = Y.encodeStateAsUpdate(doc)
    expect(contains(bytes, ME.authorName)).toBe(false)
    expect(contains(bytes, ME.authorId)).toBe(false)
  })

  it('[PR3] empties the private doc in one transaction', () => {
    const { doc } = seededDoc(0)
    const { privateDoc } = privateDrafts()
    const { updates } = countEvents(privateDoc, () => publishPrivateNotes(privateDoc, doc, ME))
    expect(updates).toBe(1)
    expect(listNotes(privateDoc)).toEqual([])
  })

  it('[PR4] is idempotent: publishing again, or a draft already on the board, adds nothing', () => {
    const { doc } = seededDoc(0)
    const { privateDoc, drafts } = privateDrafts()
    // A copy of the private doc, as if the same drafts were published from a second tab.
    const copy = peerOf(privateDoc, 51)
    publishPrivateNotes(privateDoc, doc, ME)
    const after = Y.encodeStateAsUpdate(doc)
    for (const source of [privateDoc, copy]) {
      let published = -1
      expect(countEvents(doc, () => (published = publishPrivateNotes(source, doc, null))).updates).toBe(0)
      expect(published).toBe(0)
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(after)
    expect(listNotes(copy)).toEqual([])
    expect(readNote(doc, drafts[0] as string)).toMatchObject(ME)
  })

  it('[PR4] publishes only the drafts that are new, and reports how many', () => {
    const { doc } = seededDoc(0)
    const { privateDoc } = privateDrafts()
    addNote(doc, { id: 'draft-0001', x: 1, y: 1, text: 'already here', now: 1 })
    expect(publishPrivateNotes(privateDoc, doc, ME)).toBe(1)
    expect(readNote(doc, 'draft-0001')?.text).toBe('already here')
    expect(readNote(doc, 'draft-0002')?.text).toBe('🙈 hemligt')
    expect(listNotes(privateDoc)).toEqual([])
  })

  it('[PR5] an invalid author is refused and neither doc changes', () => {
    const { doc } = seededDoc(1)
    const { privateDoc } = privateDrafts()
    const privateBefore = Y.encodeStateAsUpdate(privateDoc)
    const bad = [
      { authorId: 'x'.repeat(65), authorName: 'A' },
      { authorId: 'a', authorName: 'n'.repeat(81) },
      { authorId: 'a' } as Author,
    ]
    for (const author of bad) {
      expectRejected(doc, 'invalid-author', () => publishPrivateNotes(privateDoc, doc, author))
      expect(Y.encodeStateAsUpdate(privateDoc)).toEqual(privateBefore)
    }
    expect(publishPrivateNotes(privateDoc, doc, ME)).toBe(2)
  })

  it('[PR1] an empty private doc publishes nothing and fires no update on either doc', () => {
    const { doc } = seededDoc(1)
    const privateDoc = newDoc(50)
    const board = countEvents(doc, () => {
      const own = countEvents(privateDoc, () => expect(publishPrivateNotes(privateDoc, doc, ME)).toBe(0))
      expect(own.updates).toBe(0)
    })
    expect(board.updates).toBe(0)
  })
})

describe('anonymous notes', () => {
  it('[AN1] a note added without author stores no author keys, on the writer’s doc and on peers', () => {
    const { doc } = seededDoc(0)
    const id = addNote(doc, { x: 0, y: 0, text: 'Ärligt talat…', now: 1 })
    const expected = ['colour', 'createdAt', 'height', 'order', 'text', 'width', 'x', 'y']
    expect(keysOf(doc, id)).toEqual(expected)
    expect(keysOf(peerOf(doc, 2), id)).toEqual(expected)
    expect(readNote(doc, id)).toMatchObject({ authorId: '', authorName: '' })
  })

  it('[AN1] the writer’s name, used elsewhere in their session, appears nowhere in the encoded doc', () => {
    const anonymous = newDoc(1)
    for (const text of ['ett', 'två', 'tre']) addNote(anonymous, { x: 0, y: 0, text, now: 1 })
    const bytes = Y.encodeStateAsUpdate(anonymous)
    expect(contains(bytes, ME.authorName)).toBe(false)
    expect(contains(bytes, ME.authorId)).toBe(false)
    expect(contains(bytes, 'authorName')).toBe(false)
    expect(contains(bytes, 'authorId')).toBe(false)
    // The check would catch it: the same note with an author does carry the name.
    const named = newDoc(1)
    add(named, { ...ME, text: 'ett' })
    expect(contains(Y.encodeStateAsUpdate(named), ME.authorName)).toBe(true)
  })

  it('[AN1][V11] giving only one of authorId and authorName is refused', () => {
    const { doc } = seededDoc(0)
    expectRejected(doc, 'invalid-author', () => addNote(doc, { x: 0, y: 0, authorId: ME.authorId }))
    expectRejected(doc, 'invalid-author', () => addNote(doc, { x: 0, y: 0, authorName: ME.authorName }))
  })

  it('[PR6] a draft whose spot is taken on the board by now goes to the free space nearest it: no note covers another', () => {
    const { doc } = seededDoc(0)
    for (let i = 0; i < 6; i++) add(doc, { id: `board-${i}xxxx`, x: (i % 3) * 100, y: Math.floor(i / 3) * 100 })
    const privateDoc = newDoc(50)
    for (let i = 0; i < 10; i++) addNote(privateDoc, { id: `draft-${i}xxxx`, x: 50, y: 50, now: 1 })
    expect(publishPrivateNotes(privateDoc, doc, ME)).toBe(10)
    const published = listNotes(doc).filter((note) => note.id.startsWith('draft-'))
    for (const note of published) {
      for (const other of listNotes(doc)) if (other.id !== note.id) expect(boxesOverlap(note, other)).toBe(false)
      // Near where it was written: within a few notes' widths.
      expect(Math.hypot(note.x - 50, note.y - 50)).toBeLessThan(1000)
    }
  })
})

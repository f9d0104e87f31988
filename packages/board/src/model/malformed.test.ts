import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  assignToCluster,
  clusterMembers,
  clusterNoteIds,
  createCluster,
  deleteCluster,
  listClusters,
  moveCluster,
} from './cluster.js'
import { clusterEntry, noteEntry, skippedEntryCount } from './entries.js'
import { invalidEntries } from './entry-rules.js'
import { MAX_NOTE_TEXT_LENGTH } from './limits.js'
import { initBoard } from './meta.js'
import { addNote, bringToFront, deleteNotes, listNotes, moveNotes, readNote, setNoteText } from './note.js'
import { publishPrivateNotes } from './private-notes.js'
import { createBoardReader } from './reader.js'
import { repairBoard } from './repair.js'
import { restoreBoard } from './restore.js'
import { clustersMap, notesMap } from './schema.js'
import { add, countEvents, expectRejected, newDoc } from './test-support.js'
import { voteTargets } from './stack.js'
import { refuseDot, tallyBallots } from './vote.js'

const OPEN = { budget: 5, capPerNote: 3, open: true, revealed: false, closed: false }

/** What a stock Yjs client can store where a note or cluster belongs. */
const HOSTILE_ENTRIES: [string, () => unknown][] = [
  ['a number', () => 42],
  ['null', () => null],
  ['a string', () => 'note'],
  ['a plain object', () => ({ text: 'hej', x: 1 })],
  ['a Y.Array', () => new Y.Array()],
  ['a Y.Text', () => new Y.Text('hej')],
  ['a Y.XmlFragment', () => new Y.XmlFragment()],
]

/** A board with one good note in one good cluster, and the given value stored as a note and as a cluster. */
function boardWith(hostile: unknown, hostileCluster: unknown = hostile) {
  const doc = newDoc()
  initBoard(doc, { title: 'Verkstad', now: 1 })
  const good = add(doc, { id: 'good-note', text: 'läsbar' })
  createCluster(doc, { id: 'good-cluster', name: 'Grupp', noteIds: [good] })
  notesMap(doc).set('bad-note-1', hostile)
  clustersMap(doc).set('bad-cluster-1', hostileCluster)
  return { doc, good }
}

/** Every reading of a board a UI or an export makes. */
function readEverything(doc: Y.Doc) {
  const reader = createBoardReader(doc)
  const read = {
    notes: listNotes(doc),
    clusters: listClusters(doc),
    members: Object.fromEntries(clusterMembers(doc)),
    layout: reader.getLayout(),
    readerNotes: listNotes(doc).map((note) => reader.getNote(note.id)),
    tally: tallyBallots([new Map([['good-note', 1]]), new Map([['bad-note-1', 2]])], voteTargets(doc)),
  }
  reader.destroy()
  return read
}

describe('malformed entries', () => {
  it.each(HOSTILE_ENTRIES)('[ME1] a note or cluster that is %s is skipped by every reader', (_, make) => {
    const { doc, good } = boardWith(make(), make())
    const read = readEverything(doc)
    expect(read.notes.map((note) => note.id)).toEqual([good])
    expect(read.clusters.map((cluster) => cluster.id)).toEqual(['good-cluster'])
    expect(read.members).toEqual({ 'good-cluster': [good] })
    expect(read.layout.map((note) => note.id)).toEqual([good])
    expect(Object.fromEntries(read.tally.totals)).toEqual({ [good]: 1 })
    expect(read.tally.voters).toBe(1)
    expect(readNote(doc, 'bad-note-1')).toBeUndefined()
    const reader = createBoardReader(doc)
    expect(reader.getNote('bad-note-1')).toBeUndefined()
    expect(clusterNoteIds(doc, 'bad-cluster-1')).toEqual([])
    expect(skippedEntryCount(doc)).toBe(2)
  })

  it('[ME1] a Y.Map under a malformed key is skipped too', () => {
    const doc = newDoc()
    const map = new Y.Map<unknown>()
    map.set('text', new Y.Text('kort id'))
    notesMap(doc).set('x', map)
    expect(listNotes(doc)).toEqual([])
    expect(noteEntry(doc, 'x')).toBeUndefined()
    expect(skippedEntryCount(doc)).toBe(1)
  })

  it('[ME2] writes treat a skipped entry as not on the board and work on around it', () => {
    const { doc, good } = boardWith(42, new Y.Array())
    expectRejected(doc, 'note-not-found', () => moveNotes(doc, ['bad-note-1'], 1, 1))
    expectRejected(doc, 'note-not-found', () => deleteNotes(doc, ['bad-note-1']))
    expectRejected(doc, 'note-not-found', () => setNoteText(doc, 'bad-note-1', 'x'))
    expectRejected(doc, 'cluster-not-found', () => moveCluster(doc, 'bad-cluster-1', 1, 1))
    expectRejected(doc, 'cluster-not-found', () => assignToCluster(doc, [good], 'bad-cluster-1'))
    expect(refuseDot(new Map(), 'add', 'bad-note-1', OPEN, voteTargets(doc))).toBe('note-not-found')
    // New notes and clusters still find the top of the stack, and the good ones still move.
    const added = addNote(doc, { x: 0, y: 0, now: 5 })
    expect(listNotes(doc).map((note) => note.id)).toEqual([good, added])
    bringToFront(doc, [good])
    moveCluster(doc, 'good-cluster', 10, 0)
    expect(readNote(doc, good)?.x).toBe(10)
    createCluster(doc, { id: 'next-cluster', name: 'Nästa' })
    deleteCluster(doc, 'good-cluster')
    expect(listClusters(doc).map((cluster) => cluster.id)).toEqual(['next-cluster'])
  })

  it('[ME3] a field that breaks its rule reads as its default; the note itself is read', () => {
    const doc = newDoc()
    const id = add(doc, { id: 'note-with-bad-fields', text: 'text', clusterId: 'cluster-0001' })
    const map = noteEntry(doc, id) as Y.Map<unknown>
    doc.transact(() => {
      map.set('text', 42)
      map.set('x', 5_000_000)
      map.set('y', '12')
      map.set('width', 10)
      map.set('colour', '#ff0000')
      map.set('order', 'not an order key!')
      map.set('clusterId', 'x')
      map.set('authorName', new Y.Text('Åsa'))
      map.set('surplus', true)
    })
    expect(readNote(doc, id)).toMatchObject({
      id,
      text: '',
      x: 0,
      y: 0,
      width: 160,
      colour: 'yellow',
      order: '',
      clusterId: null,
      authorId: 'author-1',
      authorName: '',
    })
    map.set('text', new Y.Text('x'.repeat(MAX_NOTE_TEXT_LENGTH + 1)))
    expect(readNote(doc, id)?.text).toBe('')
    // Writing the field again mends it.
    setNoteText(doc, id, 'lagad')
    expect(readNote(doc, id)?.text).toBe('lagad')
  })

  it('[ME3] a cluster whose name is a Y.Array and whose size breaks the limits is read with defaults', () => {
    const doc = newDoc()
    createCluster(doc, { id: 'cluster-0001', name: 'Grupp' })
    const map = clusterEntry(doc, 'cluster-0001') as Y.Map<unknown>
    map.set('name', new Y.Array())
    map.set('width', 1e9)
    map.set('collapsed', 'yes')
    expect(listClusters(doc)[0]).toMatchObject({ name: '', width: 120, collapsed: false })
  })

  it('[ME4] the repair removes what readers skip or default, in one transaction, and the board reads the same', () => {
    const { doc } = boardWith(42, new Y.Array())
    const broken = add(doc, { id: 'note-text-is-number' })
    const map = noteEntry(doc, broken) as Y.Map<unknown>
    map.set('text', 7)
    map.set('surplus', 'x')
    const before = readEverything(doc)
    expect(invalidEntries(doc).size).toBe(2)

    let repair: ReturnType<typeof repairBoard> | undefined
    const { updates } = countEvents(doc, () => {
      repair = repairBoard(doc)
    })
    expect(updates).toBe(1)
    expect(repair?.entries).toEqual(
      new Map([
        ['notes', 1],
        ['clusters', 1],
      ]),
    )
    expect(repair?.fields).toBe(2)
    expect(invalidEntries(doc).size).toBe(0)
    expect(notesMap(doc).has('bad-note-1')).toBe(false)
    expect([...map.keys()]).not.toContain('text')
    expect(readEverything(doc)).toEqual(before)
  })

  it('[ME4] a well-formed board is left untouched by the repair', () => {
    const { doc } = boardWith(42)
    notesMap(doc).delete('bad-note-1')
    clustersMap(doc).delete('bad-cluster-1')
    const state = Y.encodeStateAsUpdate(doc)
    const { updates } = countEvents(doc, () => {
      expect(repairBoard(doc)).toEqual({ entries: new Map(), fields: 0 })
    })
    expect(updates).toBe(0)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state)
  })

  it('[ME5] publishing private notes skips an id taken by a malformed entry', () => {
    const { doc } = boardWith(42)
    const drafts = newDoc(2)
    add(drafts, { id: 'bad-note-1', text: 'privat' })
    add(drafts, { id: 'draft-note-2', text: 'privat' })
    expect(publishPrivateNotes(drafts, doc, null)).toBe(1)
    expect(readNote(doc, 'draft-note-2')?.text).toBe('privat')
  })

  it('[SR3] restoring a snapshot that holds shared types no board has (XML, a subdocument) leaves them out', () => {
    const past = newDoc(2)
    add(past, { id: 'good-note' })
    notesMap(past).set('xml-note-1', new Y.XmlElement('p'))
    notesMap(past).set('sub-doc-note', new Y.Doc())
    const list = new Y.Array<unknown>()
    notesMap(past).set('list-note-1', list)
    list.push([new Y.XmlFragment(), 1])
    const doc = newDoc()
    restoreBoard(doc, Y.encodeStateAsUpdate(past))
    expect([...notesMap(doc).keys()].sort()).toEqual(['good-note', 'list-note-1'])
    expect((notesMap(doc).get('list-note-1') as Y.Array<unknown>).toArray()).toEqual([1])
    expect(listNotes(doc).map((note) => note.id)).toEqual(['good-note'])
  })

  it('[ME6] whatever a peer stores in notes and clusters, nothing throws, and the repair changes no reading', () => {
    const hostileValue = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(...HOSTILE_ENTRIES.map(([name]) => name)).map((name) => ({ make: name })),
    )
    const fieldName = fc.constantFrom('text', 'name', 'x', 'y', 'width', 'height', 'colour', 'order', 'clusterId', 'q')
    const build = (value: unknown): unknown => {
      const made = HOSTILE_ENTRIES.find(([name]) => (value as { make?: string } | null)?.make === name)
      return made ? made[1]() : value
    }
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            collection: fc.constantFrom('notes', 'clusters'),
            id: fc.constantFrom('good-note', 'good-cluster', 'bad-note-1', 'short'),
            field: fc.option(fieldName, { nil: undefined }),
            value: hostileValue,
          }),
          { maxLength: 8 },
        ),
        (writes) => {
          const { doc } = boardWith(1)
          for (const { collection, id, field, value } of writes) {
            const map = doc.getMap<unknown>(collection)
            const entry = map.get(id)
            if (field === undefined) map.set(id, build(value))
            else if (entry instanceof Y.Map) entry.set(field, build(value))
          }
          const before = readEverything(doc)
          repairBoard(doc)
          expect(invalidEntries(doc).size).toBe(0)
          expect(readEverything(doc)).toEqual(before)
        },
      ),
      { numRuns: 200 },
    )
  })
})

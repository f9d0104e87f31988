/** Tests for merging several boards into one (SPEC [BM*]). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, deleteCluster, listClusters } from '../model/cluster.js'
import { invalidEntries } from '../model/entry-rules.js'
import { MergeError } from '../model/errors.js'
import { initBoard } from '../model/meta.js'
import { addNote, deleteNotes, listNotes, setNoteText } from '../model/note.js'
import { type Box, boxesOverlap } from '../model/placement.js'
import { listRegions } from '../model/region.js'
import { repairBoard } from '../model/repair.js'
import { hashId } from '../model/sha256.js'
import { exportBoardJson, importBoardJson } from './board-json.js'
import { type MergeSource, mergeBoards, mergedGroupId, mergedNoteId, mergedRegionId } from './merge.js'

const boardId = (name: string) => hashId('test board', name)
const KEEP = { keepAuthorNames: true }

function source(name: string, notes: number, anonymous = false): MergeSource {
  const doc = new Y.Doc()
  initBoard(doc, { title: `Board ${name}`, now: 1 })
  for (let i = 0; i < notes; i++) {
    addNote(doc, {
      x: 200 * i,
      y: 50 * i,
      text: `${name} idea ${i}`,
      ...(anonymous ? {} : { authorId: `author-${name}-${i}-0000000`, authorName: `Person ${i}` }),
      now: 10 + i,
    })
  }
  return { boardId: boardId(name), title: `Board ${name}`, anonymous, doc }
}

function target(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Norrbotten', now: 1 })
  return doc
}

const regionOf = (doc: Y.Doc, sourceBoardId: string) => listRegions(doc).find((r) => r.sourceBoardId === sourceBoardId)
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

/** Regions never overlap, and every copied note and group lies inside its own source's region. */
function expectLaidOut(doc: Y.Doc, sources: readonly MergeSource[]) {
  const regions = listRegions(doc)
  expect(regions).toHaveLength(sources.length)
  for (const a of regions) for (const b of regions) if (a !== b) expect(boxesOverlap(a, b)).toBe(false)
  for (const note of listNotes(doc)) {
    const region = regionOf(doc, note.origin?.boardId ?? '')
    expect(region && contains(region, note)).toBe(true)
  }
  for (const s of sources) {
    const region = regionOf(doc, s.boardId)
    for (const group of listClusters(s.doc)) {
      const copy = listClusters(doc).find((c) => c.id === mergedGroupId(s.boardId, group.id))
      expect(region && copy && contains(region, copy)).toBe(true)
    }
  }
}

const noteArb = fc.record({
  x: fc.integer({ min: -3000, max: 3000 }),
  y: fc.integer({ min: -3000, max: 3000 }),
  width: fc.integer({ min: 60, max: 1200 }),
  height: fc.integer({ min: 60, max: 600 }),
  grouped: fc.boolean(),
})
const sourceArb = fc.array(noteArb, { maxLength: 6 })
type NoteSpec = { x: number; y: number; width: number; height: number; grouped: boolean }

function randomSource(index: number, notes: readonly NoteSpec[]): MergeSource {
  const doc = new Y.Doc()
  initBoard(doc, { title: `Kommun ${index}`, now: 1 })
  const grouped: string[] = []
  notes.forEach((n, i) => {
    const id = addNote(doc, { x: n.x, y: n.y, width: n.width, height: n.height, text: `note ${i}`, now: 1 })
    if (n.grouped) grouped.push(id)
  })
  if (grouped.length > 0) createCluster(doc, { name: 'Grupp', noteIds: grouped })
  return { boardId: boardId(`random ${index}`), title: `Kommun ${index}`, anonymous: false, doc }
}

function addRandomNotes(s: MergeSource, notes: readonly NoteSpec[]) {
  const grouped: string[] = []
  for (const n of notes) {
    const id = addNote(s.doc, { x: n.x, y: n.y, width: n.width, height: n.height, text: 'later', now: 2 })
    if (n.grouped) grouped.push(id)
  }
  if (grouped.length > 0) createCluster(s.doc, { name: 'Senare', noteIds: grouped })
}

describe('[BM] merging boards', () => {
  it('[BM1] regions never overlap and every copied note and group lies inside its own region, on a first merge and a refresh', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sourceArb, sourceArb), { minLength: 1, maxLength: 5 }), (boards) => {
        const sources = boards.map(([first], i) => randomSource(i, first))
        const doc = target()
        mergeBoards(doc, sources, KEEP)
        expectLaidOut(doc, sources)
        boards.forEach(([, later], i) => {
          addRandomNotes(sources[i] as MergeSource, later)
        })
        mergeBoards(doc, sources, KEEP)
        expectLaidOut(doc, sources)
        const copied = listNotes(doc).filter((n) => n.origin).length
        expect(copied).toBe(sources.reduce((sum, s) => sum + listNotes(s.doc).length, 0))
      }),
      { numRuns: 40 },
    )
  })

  it('[BM1] each source’s own layout is kept inside its region (moved by one offset)', () => {
    const a = source('a', 3)
    const doc = target()
    mergeBoards(doc, [a], KEEP)
    const copies = listNotes(a.doc).map((n) => ({ n, c: listNotes(doc).find((c) => c.origin?.noteId === n.id) }))
    const [first] = copies
    for (const { n, c } of copies) {
      expect((c?.x ?? 0) - n.x).toBe((first?.c?.x ?? 0) - (first?.n.x ?? 0))
      expect((c?.y ?? 0) - n.y).toBe((first?.c?.y ?? 0) - (first?.n.y ?? 0))
    }
  })

  it('[BM2] every copied note records its source board, title and note; regions carry the titles; groups are copied with their members', () => {
    const a = source('a', 2)
    const b = source('b', 1)
    const [first, second] = listNotes(a.doc)
    const groupId = createCluster(a.doc, { name: 'Trafik', noteIds: [first?.id ?? ''] })
    const doc = target()
    const report = mergeBoards(doc, [a, b], KEEP)
    expect(report).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      skippedEdited: 0,
      skippedDeleted: 0,
      groupsAdded: 1,
      regionsAdded: 2,
    })
    const copy = listNotes(doc).find((n) => n.id === mergedNoteId(a.boardId, first?.id ?? ''))
    expect(copy?.origin).toEqual({
      boardId: a.boardId,
      boardTitle: 'Board a',
      noteId: first?.id,
      textHash: hashId('text', 'a idea 0'),
    })
    expect(copy?.text).toBe('a idea 0')
    expect(copy?.clusterId).toBe(mergedGroupId(a.boardId, groupId))
    expect(listClusters(doc).map((c) => c.name)).toEqual(['Trafik'])
    expect(listNotes(doc).find((n) => n.origin?.noteId === second?.id)?.clusterId).toBeNull()
    expect(listRegions(doc).map((r) => [r.title, r.id])).toEqual([
      ['Board a', mergedRegionId(a.boardId)],
      ['Board b', mergedRegionId(b.boardId)],
    ])
  })

  it('[BM3] ids come from the source board and entry alone: two fresh targets get the same ids', () => {
    const sources = [source('a', 3), source('b', 2)]
    createCluster(sources[0]?.doc as Y.Doc, { name: 'G', noteIds: [listNotes(sources[0]?.doc as Y.Doc)[0]?.id ?? ''] })
    const one = target()
    const two = target()
    mergeBoards(one, sources, KEEP)
    mergeBoards(two, sources, KEEP)
    const ids = (doc: Y.Doc) => [
      listNotes(doc).map((n) => n.id),
      listClusters(doc).map((c) => c.id),
      listRegions(doc).map((r) => r.id),
    ]
    expect(ids(one)).toEqual(ids(two))
    for (const id of ids(one).flat()) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('[BM4] merging again from unchanged sources changes nothing at all', () => {
    const sources = [source('a', 3), source('b', 2)]
    const doc = target()
    mergeBoards(doc, sources, KEEP)
    const before = Y.encodeStateAsUpdate(doc)
    const report = mergeBoards(doc, sources, KEEP)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(report).toEqual({
      added: 0,
      updated: 0,
      unchanged: 5,
      skippedEdited: 0,
      skippedDeleted: 0,
      groupsAdded: 0,
      regionsAdded: 0,
    })
  })

  it('[BM5] a refresh adds new notes inside the region, updates notes nobody edited and keeps edited ones', () => {
    const a = source('a', 3)
    const doc = target()
    mergeBoards(doc, [a], KEEP)
    const [n0, n1] = listNotes(a.doc)
    setNoteText(a.doc, n0?.id ?? '', 'changed at the source')
    setNoteText(a.doc, n1?.id ?? '', 'changed at the source too')
    setNoteText(doc, mergedNoteId(a.boardId, n1?.id ?? ''), 'edited in the merged board')
    const heightBefore = regionOf(doc, a.boardId)?.height ?? 0
    for (let i = 0; i < 12; i++) addNote(a.doc, { x: 0, y: 0, text: `new ${i}`, width: 300 })
    const report = mergeBoards(doc, [a], KEEP)
    expect(report).toMatchObject({ added: 12, updated: 1, unchanged: 1, skippedEdited: 1 })
    const text = (id: string) => listNotes(doc).find((n) => n.id === mergedNoteId(a.boardId, id))?.text
    expect(text(n0?.id ?? '')).toBe('changed at the source')
    expect(text(n1?.id ?? '')).toBe('edited in the merged board')
    const notes = listNotes(doc)
    expect(notes).toHaveLength(15)
    for (const x of notes) for (const y of notes) if (x !== y) expect(boxesOverlap(x, y)).toBe(false)
    expect(regionOf(doc, a.boardId)?.height).toBeGreaterThan(heightBefore)
    expectLaidOut(doc, [a])
  })

  it('[BM13] a copy deleted in the merged board stays deleted when merging again; what is new in the source comes', () => {
    const a = source('a', 3)
    const doc = target()
    mergeBoards(doc, [a], KEEP)
    const [n0, n1] = listNotes(a.doc)
    const grouped = addNote(a.doc, { x: 0, y: 0, text: 'in a group' })
    const group = createCluster(a.doc, { name: 'Grupp', noteIds: [grouped] })
    mergeBoards(doc, [a], KEEP)
    // The merged board's facilitator deletes a copied note and the copied group.
    deleteNotes(doc, [mergedNoteId(a.boardId, n0?.id ?? '')])
    deleteCluster(doc, mergedGroupId(a.boardId, group))
    // Meanwhile the source gets a new note, in that group, and a note is edited there.
    addNote(a.doc, { x: 0, y: 0, text: 'new since', clusterId: group })
    setNoteText(a.doc, n1?.id ?? '', 'changed at the source')
    const report = mergeBoards(doc, [a], KEEP)
    expect(report).toMatchObject({ added: 1, updated: 1, skippedDeleted: 1, groupsAdded: 0 })
    const texts = listNotes(doc).map((note) => note.text)
    expect(texts).not.toContain('a idea 0')
    expect(texts).toEqual(expect.arrayContaining(['new since', 'changed at the source']))
    expect(listClusters(doc)).toEqual([])
    // Nothing new: nothing written, and the deleted copy still does not come back.
    const before = Y.encodeStateAsUpdate(doc)
    expect(mergeBoards(doc, [a], KEEP)).toMatchObject({ added: 0, skippedDeleted: 1 })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    const region = regionOf(doc, a.boardId)
    for (const note of listNotes(doc)) expect(region && contains(region, note)).toBe(true)
  })

  it('[BM5] a group wider than its region widens it and pushes the regions right of it further right', () => {
    const a = source('a', 1)
    const b = source('b', 1)
    const doc = target()
    mergeBoards(doc, [a, b], KEEP)
    const bBefore = regionOf(doc, b.boardId)
    const wide = addNote(a.doc, { x: 0, y: 0, text: 'wide' })
    createCluster(a.doc, { name: 'Bred', noteIds: [wide], width: 5000, height: 300 })
    mergeBoards(doc, [a, b], KEEP)
    expect(regionOf(doc, b.boardId)?.x).toBeGreaterThan(bBefore?.x ?? 0)
    expectLaidOut(doc, [a, b])
  })

  it('[BM6] authors’ ids are never copied; names only from sources that were not anonymous, when asked for', () => {
    const named = source('a', 2)
    const anonymous = source('b', 2, true)
    const doc = target()
    mergeBoards(doc, [named, anonymous], KEEP)
    for (const note of listNotes(doc)) {
      expect(note.authorId).toBe('')
      expect(note.authorName).toMatch(note.origin?.boardId === named.boardId ? /^Person \d$/ : /^$/)
    }
    const without = target()
    mergeBoards(without, [named], { keepAuthorNames: false })
    for (const note of listNotes(without)) expect(note.authorName).toBe('')
  })

  it('[BM7] sources are left exactly as they were, and their votes are not copied', () => {
    const sources = [source('a', 3), source('b', 2)]
    // Votes as boards kept them in the doc before the relay held them.
    const ballot = new Y.Map<number>([[listNotes(sources[0]?.doc as Y.Doc)[0]?.id ?? '', 3]])
    sources[0]?.doc.getMap('votes').set('voter-0000000000000', ballot)
    const before = sources.map((s) => Y.encodeStateAsUpdate(s.doc))
    const doc = target()
    mergeBoards(doc, sources, KEEP)
    mergeBoards(doc, sources, KEEP)
    expect(sources.map((s) => Y.encodeStateAsUpdate(s.doc))).toEqual(before)
    expect(doc.getMap('votes').size).toBe(0)
  })

  it('[BM8] a merge past the board’s limits, or of bad sources, is refused before anything changes', () => {
    const sources = [source('a', 3), source('b', 2)]
    const doc = target()
    const before = Y.encodeStateAsUpdate(doc)
    const refused = (run: () => unknown, code: string) => {
      expect(run).toThrow(MergeError)
      expect(() => run()).toThrow(expect.objectContaining({ code }))
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    }
    refused(() => mergeBoards(doc, sources, { ...KEEP, limits: { maxNotes: 4, maxGroups: 10 } }), 'merge-over-limit')
    createCluster(sources[0]?.doc as Y.Doc, { name: 'G' })
    refused(() => mergeBoards(doc, sources, { ...KEEP, limits: { maxNotes: 10, maxGroups: 0 } }), 'merge-over-limit')
    refused(
      () => mergeBoards(doc, [sources[0] as MergeSource, sources[0] as MergeSource], KEEP),
      'merge-invalid-sources',
    )
    refused(() => mergeBoards(doc, [], KEEP), 'merge-invalid-sources')
    refused(
      () => mergeBoards(doc, [{ ...(sources[0] as MergeSource), boardId: 'short' }], KEEP),
      'merge-invalid-sources',
    )
  })

  it('[BM8] a region that would have to grow over a region moved below it is refused before anything changes', () => {
    const a = source('a', 1)
    const b = source('b', 1)
    const doc = target()
    mergeBoards(doc, [a, b], KEEP)
    const regionA = regionOf(doc, a.boardId)
    const regionB = doc.getMap<Y.Map<unknown>>('regions').get(mergedRegionId(b.boardId))
    regionB?.set('x', regionA?.x ?? 0)
    regionB?.set('y', (regionA?.y ?? 0) + (regionA?.height ?? 0) + 10)
    for (let i = 0; i < 20; i++) addNote(a.doc, { x: 0, y: 0, text: `more ${i}`, width: 1000 })
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => mergeBoards(doc, [a, b], KEEP)).toThrow(expect.objectContaining({ code: 'merge-no-room' }))
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('[BM9] a JSON export carries origins and regions, and an import brings them back', () => {
    const sources = [source('a', 2), source('b', 1)]
    const doc = target()
    mergeBoards(doc, sources, KEEP)
    const exported = exportBoardJson(doc, [], 5)
    expect(exported.notes[0]?.origin).toEqual({
      boardId: expect.any(String),
      boardTitle: expect.stringMatching(/^Board /),
      noteId: expect.any(String),
    })
    expect(exported.regions).toEqual(listRegions(doc))
    const copy = target()
    importBoardJson(copy, JSON.parse(JSON.stringify(exported)))
    expect(exportBoardJson(copy, [], 5)).toEqual(exported)
    expect(listRegions(copy)).toEqual(listRegions(doc))
    // Imported copies have no fingerprint of their text as copied, so a refresh never overwrites them.
    expect(mergeBoards(copy, sources, KEEP)).toMatchObject({ added: 0, skippedEdited: 3 })
    const bad = { ...exported, regions: [{ ...exported.regions?.[0], title: 'x'.repeat(201) }] }
    expect(() => importBoardJson(new Y.Doc(), bad)).toThrow(/regions\[0\]\.title/)
    const badOrigin = { ...exported, notes: [{ ...exported.notes[0], origin: { boardId: 'no' } }] }
    expect(() => importBoardJson(new Y.Doc(), badOrigin)).toThrow(/origin/)
  })

  it('[BM11] a malformed region is found and repaired like any malformed entry', () => {
    const doc = target()
    mergeBoards(doc, [source('a', 1)], KEEP)
    const regions = doc.getMap<unknown>('regions')
    const [id] = [...regions.keys()]
    ;(regions.get(id ?? '') as Y.Map<unknown>).set('title', 42)
    regions.set('not-a-region-id', 7)
    expect(invalidEntries(doc).get('regions')?.sort()).toEqual([id, 'not-a-region-id'].sort())
    expect(repairBoard(doc)).toEqual({ entries: new Map([['regions', 1]]), fields: 1 })
    expect(invalidEntries(doc).size).toBe(0)
    expect(listRegions(doc)).toHaveLength(1)
  })
})

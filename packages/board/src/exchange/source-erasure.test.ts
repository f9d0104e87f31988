import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, listClusters } from '../model/cluster.js'
import { initBoard } from '../model/meta.js'
import { addNote, listNotes } from '../model/note.js'
import { listRegions } from '../model/region.js'
import { hashId } from '../model/sha256.js'
import { checkUpdate } from '../model/update-check.js'
import { type MergeSource, mergeBoards } from './merge.js'
import { dismissSourceErasure, eraseSource, readSourceErasures, watchSourceErasures } from './source-erasure.js'

function source(name: string, notes: number): MergeSource {
  const doc = new Y.Doc()
  initBoard(doc, { title: name, now: 1 })
  const ids = Array.from({ length: notes }, (_, i) => addNote(doc, { x: 200 * i, y: 0, text: `${name} ${i}`, now: 2 }))
  createCluster(doc, { name: `${name} group`, noteIds: ids.slice(0, 2) })
  return { boardId: hashId('test board', name), title: name, anonymous: false, doc }
}

function merged(...sources: MergeSource[]): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Norrbotten', now: 1 })
  mergeBoards(doc, sources, { keepAuthorNames: true })
  return doc
}

const groupIds = (s: MergeSource) => listClusters(s.doc).map((group) => group.id)

describe('erasing a merged board’s source', () => {
  it('[BM12] removes exactly the source’s copied notes, groups and region, and tells what it removed', () => {
    const [kiruna, lulea] = [source('Kiruna', 3), source('Luleå', 2)]
    const doc = merged(kiruna, lulea)
    const erasure = eraseSource(
      doc,
      { boardId: kiruna.boardId, title: 'Kiruna', groupIds: groupIds(kiruna) },
      {
        remove: true,
        now: 1000,
      },
    )
    expect(erasure).toEqual({ boardTitle: 'Kiruna', at: 1000, copies: 3, removed: true })
    expect(listNotes(doc).map((note) => note.origin?.boardTitle)).toEqual(['Luleå', 'Luleå'])
    expect(listClusters(doc).map((group) => group.name)).toEqual(['Luleå group'])
    expect(listRegions(doc).map((region) => region.title)).toEqual(['Luleå'])
    expect(readSourceErasures(doc)).toEqual([erasure])
  })

  it('[BM12] without removal the copies stay and the notice says so; a dismissed notice goes', () => {
    const [kiruna, lulea] = [source('Kiruna', 3), source('Luleå', 2)]
    const doc = merged(kiruna, lulea)
    const kept = eraseSource(doc, { boardId: kiruna.boardId, title: 'Kiruna', groupIds: [] }, { remove: false, now: 5 })
    expect(kept).toMatchObject({ copies: 3, removed: false })
    expect(listNotes(doc)).toHaveLength(5)
    expect(listRegions(doc)).toHaveLength(2)
    let changes = 0
    const stop = watchSourceErasures(doc, () => changes++)
    const other = eraseSource(doc, { boardId: lulea.boardId, title: 'Luleå', groupIds: [] }, { remove: true, now: 6 })
    dismissSourceErasure(doc, kept)
    expect(readSourceErasures(doc)).toEqual([other])
    expect(changes).toBe(2)
    stop()
  })

  it('[BM12] a malformed notice is skipped, and a participant can neither write nor clear the notices', () => {
    const kiruna = source('Kiruna', 1)
    const live = merged(kiruna, source('Luleå', 1))
    eraseSource(live, { boardId: kiruna.boardId, title: 'Kiruna', groupIds: [] }, { remove: false, now: 5 })
    const participant = new Y.Doc()
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(live))
    const writer = { participantId: 'p-0000000000', anonymous: false }
    const before = Y.encodeStateVector(participant)
    participant.getMap('meta').set('sourceErasures', [{ boardTitle: 'Forged', at: 1, copies: 0, removed: true }])
    expect(checkUpdate(live, Y.encodeStateAsUpdate(participant, before), writer).kind).toBe('invalid')
    const cleared = new Y.Doc()
    Y.applyUpdate(cleared, Y.encodeStateAsUpdate(live))
    const clearedBefore = Y.encodeStateVector(cleared)
    cleared.getMap('meta').delete('sourceErasures')
    expect(checkUpdate(live, Y.encodeStateAsUpdate(cleared, clearedBefore), writer).kind).toBe('invalid')
    live
      .getMap('meta')
      .set('sourceErasures', [{ boardTitle: 7 }, 'x', { boardTitle: 'Ok', at: 1, copies: 2, removed: false }])
    expect(readSourceErasures(live)).toEqual([{ boardTitle: 'Ok', at: 1, copies: 2, removed: false }])
  })
})

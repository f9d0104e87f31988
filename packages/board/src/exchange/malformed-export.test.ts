import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster } from '../model/cluster.js'
import { initBoard } from '../model/meta.js'
import { addNote } from '../model/note.js'
import { exportBoardJson, importBoardJson } from './board-json.js'
import { exportCsv } from './csv.js'
import { exportMarkdown } from './markdown.js'
import { rankResults } from './results.js'

const headers = {
  cluster: 'Grupp',
  text: 'Text',
  colour: 'Färg',
  votes: 'Röster',
  author: 'Skribent',
  created: 'Skapad',
}

/** A board as a hostile stock Yjs client leaves it: a note that is 42, a note whose text is a number, a cluster that is a list. */
function sabotaged(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Verkstad', now: 0 })
  const good = addNote(doc, { id: 'note-good', x: 0, y: 0, text: 'Fika', now: 1000 })
  const numbered = addNote(doc, { id: 'note-numbered', x: 0, y: 0, text: 'borta', now: 2000 })
  createCluster(doc, { id: 'cluster-good', name: 'Grupp', noteIds: [good] })
  const notes = doc.getMap<unknown>('notes')
  notes.set('note-forty-two', 42)
  ;(notes.get(numbered) as Y.Map<unknown>).set('text', 7)
  doc.getMap<unknown>('clusters').set('cluster-list', new Y.Array())
  return doc
}

describe('exports of a board with malformed entries', () => {
  it('[ME7] JSON, CSV, Markdown and the ranking skip what is no note or cluster, and JSON counts it', () => {
    const doc = sabotaged()
    const json = exportBoardJson(doc, [new Map([['note-forty-two', 1]])], 5)
    expect(json.skippedEntries).toBe(2)
    expect(json.notes.map((note) => [note.id, note.text])).toEqual([
      ['note-good', 'Fika'],
      ['note-numbered', ''],
    ])
    expect(json.clusters.map((cluster) => cluster.id)).toEqual(['cluster-good'])
    expect(json.votes).toEqual({})
    expect(rankResults(doc, new Map()).map((group) => group.clusterId)).toEqual(['cluster-good', null])
    const csv = exportCsv(doc, { headers, anonymous: false, colourName: (colour) => colour, totals: new Map() })
    expect(csv.split('\r\n')).toHaveLength(3)
    expect(exportMarkdown(doc, { unclustered: 'Utan grupp', votes: (n) => `${n}` }, new Map())).toContain('- Fika')
    // The export is importable: the count is information, not part of the board.
    const copy = new Y.Doc()
    importBoardJson(copy, JSON.parse(JSON.stringify(json)))
    expect(exportBoardJson(copy, [], 5).skippedEntries).toBe(0)
  })
})

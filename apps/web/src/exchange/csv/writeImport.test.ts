/** Tests for writing an import into the board doc. */
import { BoardError, createCluster, listClusters, listNotes, type PlannedNote } from '@samla/board'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { placeInCluster, placeNewCluster } from './placement'
import { rehearseImport, writeImport } from './writeImport'

const notes: PlannedNote[] = [
  { line: 2, text: 'Hej, "du" 🎉', colour: 'blue' },
  { line: 3, text: 'Två\nrader åäö', colour: undefined },
]
const space = { bounds: null, viewCentre: { x: 0, y: 0 } }
const author = { authorId: 'user-1234567890abcdef', authorName: 'Åsa' }

describe('writeImport', () => {
  it('adds a new cluster and its notes in one transaction', () => {
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    writeImport(doc, notes, placeNewCluster(2, 'Enkäten', space), author)
    expect(transactions).toBe(1)
    const [cluster] = listClusters(doc)
    expect(cluster?.name).toBe('Enkäten')
    expect(listNotes(doc).map((note) => [note.text, note.colour, note.clusterId, note.authorName])).toEqual([
      ['Hej, "du" 🎉', 'blue', cluster?.id, 'Åsa'],
      ['Två\nrader åäö', 'yellow', cluster?.id, 'Åsa'],
    ])
  })

  it('grows an existing cluster and writes nothing if it has gone meanwhile', () => {
    const doc = new Y.Doc()
    const id = createCluster(doc, { name: 'Hot', x: 0, y: 0, width: 200, height: 200 })
    const [cluster] = listClusters(doc)
    if (!cluster) throw new Error('no cluster')
    const placement = placeInCluster(2, cluster, [])
    writeImport(doc, notes, placement)
    expect(listClusters(doc)[0]?.width).toBeGreaterThan(200)
    expect(listNotes(doc).every((note) => note.clusterId === id && note.authorName === '')).toBe(true)

    const other = new Y.Doc()
    expect(() => writeImport(other, notes, placement)).toThrow(BoardError)
    expect(listNotes(other)).toEqual([])
  })
})

describe('rehearseImport', () => {
  it('measures the change without touching any board', () => {
    const bytes = rehearseImport(notes, placeNewCluster(2, 'Enkäten', space), undefined, author)
    expect(bytes).toBeGreaterThan(100)
    expect(bytes).toBeLessThan(2000)
  })

  it('meets the board model’s refusals first', () => {
    const far = { kind: 'none' as const, origin: { x: 2_000_000, y: 0 } }
    expect(() => rehearseImport(notes, far, undefined)).toThrow(BoardError)
  })
})

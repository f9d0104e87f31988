import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, listClusters } from './cluster.js'
import { initBoard, readMeta, setBoardTitle } from './meta.js'
import { addNote, deleteNotes, listNotes, setNoteText } from './note.js'
import { restoreBoard } from './restore.js'

const author = { authorId: 'author-1', authorName: 'A' }

describe('restoring a snapshot', () => {
  it('[SR1] brings notes, clusters and meta back as a new change that peers receive', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Före' })
    const kept = addNote(doc, { x: 0, y: 0, text: 'kept', ...author })
    const edited = addNote(doc, { x: 10, y: 0, text: 'original', ...author })
    const removed = addNote(doc, { x: 20, y: 0, text: 'deleted later', ...author })
    createCluster(doc, { name: 'Grupp', noteIds: [kept] })
    const snapshot = Y.encodeStateAsUpdate(doc)
    const before = listNotes(doc)

    const peer = new Y.Doc()
    Y.applyUpdate(peer, snapshot)
    setNoteText(doc, edited, 'changed')
    deleteNotes(doc, [removed])
    addNote(doc, { x: 30, y: 0, text: 'added later', ...author })
    setBoardTitle(doc, 'Efter')
    const sinceSync = Y.encodeStateVector(peer)

    restoreBoard(doc, snapshot)
    expect(
      listNotes(doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(before.map((n) => n.text).sort())
    expect(listNotes(doc).find((n) => n.id === removed)).toMatchObject({ x: 20, text: 'deleted later' })
    expect(readMeta(doc).title).toBe('Före')
    expect(listClusters(doc).map((c) => c.name)).toEqual(['Grupp'])

    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, sinceSync))
    for (const name of ['meta', 'notes', 'clusters']) {
      expect(peer.getMap(name).toJSON()).toEqual(doc.getMap(name).toJSON())
    }
  })

  it('[SR2] leaves unchanged notes untouched, and a later snapshot undoes the restore', () => {
    const doc = new Y.Doc()
    const stable = addNote(doc, { x: 0, y: 0, text: 'stable', ...author })
    const early = Y.encodeStateAsUpdate(doc)
    addNote(doc, { x: 1, y: 1, text: 'later', ...author })
    const late = Y.encodeStateAsUpdate(doc)
    const stableMap = doc.getMap('notes').get(stable)
    restoreBoard(doc, early)
    expect(doc.getMap('notes').get(stable)).toBe(stableMap)
    expect(listNotes(doc).map((n) => n.text)).toEqual(['stable'])
    restoreBoard(doc, late)
    expect(listNotes(doc).map((n) => n.text)).toEqual(['stable', 'later'])
  })
})

/** Tests for reading a history snapshot into an outline. */
import { addNote, createCluster, deleteCluster, initBoard } from '@samla/board'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { outlineOf } from './outline'

describe('outlineOf', () => {
  it('groups notes by cluster in reading order, with stray notes apart', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Retro' })
    const kept = createCluster(doc, { name: 'Gick bra', x: 0, y: 0 })
    const gone = createCluster(doc, { name: 'Borta', x: 900, y: 0 })
    addNote(doc, { x: 300, y: 10, text: 'Andra', clusterId: kept })
    addNote(doc, { x: 10, y: 10, text: 'Första, "citat" 🎉', clusterId: kept, colour: 'green' })
    addNote(doc, { x: 0, y: 900, text: 'Lös' })
    addNote(doc, { x: 950, y: 50, text: 'Föräldralös', clusterId: gone })
    deleteCluster(doc, gone)
    const outline = outlineOf(Y.encodeStateAsUpdate(doc))
    expect(outline.title).toBe('Retro')
    expect(outline.noteCount).toBe(4)
    expect(outline.groups.map((group) => [group.name, group.notes.map((note) => note.text)])).toEqual([
      ['Gick bra', ['Första, "citat" 🎉', 'Andra']],
    ])
    expect(outline.groups[0]?.notes[0]?.colour).toBe('green')
    expect(outline.loose.map((note) => note.text)).toEqual(['Föräldralös', 'Lös'])
  })

  it('reads an empty board', () => {
    expect(outlineOf(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ title: '', noteCount: 0, groups: [], loose: [] })
  })
})

/** Tests for the cluster index the canvas reads. */
import { addNote, assignToCluster, createCluster, setClusterCollapsed, setNoteText } from '@samla/board'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clusterIndexOf } from './clusterIndex'

describe('clusterIndexOf', () => {
  it('lists members and hides the notes of collapsed clusters', () => {
    const doc = new Y.Doc()
    const a = addNote(doc, { x: 0, y: 0 })
    const b = addNote(doc, { x: 300, y: 0 })
    const id = createCluster(doc, { name: 'Trygghet', noteIds: [a] })
    const index = clusterIndexOf(doc)
    expect(index.get().members.get(id)).toEqual([a])
    expect(index.get().hidden.size).toBe(0)
    setClusterCollapsed(doc, id, true)
    expect([...index.get().hidden]).toEqual([a])
    assignToCluster(doc, [b], id)
    expect(index.get().members.get(id)).toEqual([a, b])
  })

  it('keeps its snapshot across text edits and notifies on membership changes', () => {
    const doc = new Y.Doc()
    const a = addNote(doc, { x: 0, y: 0 })
    const id = createCluster(doc, { name: 'Grupp' })
    const index = clusterIndexOf(doc)
    let calls = 0
    index.subscribe(() => calls++)
    const before = index.get()
    setNoteText(doc, a, 'hej')
    expect(index.get()).toBe(before)
    expect(calls).toBe(0)
    assignToCluster(doc, [a], id)
    expect(calls).toBe(1)
    expect(index.get()).not.toBe(before)
    expect(clusterIndexOf(doc)).toBe(index)
  })
})

/** The outline's grouping: clusters in order, loose notes last, each in reading order. */
import type { ClusterSnapshot, NoteLayout } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { groupNotes } from './outlineGroups'

const note = (id: string, x: number, y: number): NoteLayout => ({
  id,
  x,
  y,
  width: 160,
  height: 160,
  colour: 'yellow',
  order: id,
})
const cluster = (id: string, name: string) => ({ id, name }) as ClusterSnapshot

describe('groupNotes', () => {
  it('puts members under their cluster and the rest in the loose group, in reading order', () => {
    const layout = [note('c', 400, 10), note('a', 0, 0), note('b', 0, 300), note('d', 10, 20)]
    const groups = groupNotes(layout, [cluster('k', 'Trafik')], new Map([['k', ['b', 'a']]]))
    expect(groups).toEqual([
      { clusterId: 'k', name: 'Trafik', noteIds: ['a', 'b'] },
      { clusterId: null, name: '', noteIds: ['d', 'c'] },
    ])
  })

  it('keeps empty clusters, and the loose group even when empty', () => {
    expect(groupNotes([], [cluster('k', '')], new Map([['k', []]]))).toEqual([
      { clusterId: 'k', name: '', noteIds: [] },
      { clusterId: null, name: '', noteIds: [] },
    ])
  })
})

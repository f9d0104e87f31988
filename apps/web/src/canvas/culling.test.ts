/** Tests for choosing and ordering the rendered notes. */
import type { NoteLayout } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { cullNotes, sameRendering, type StableOrder } from './culling'

function note(id: string, x: number, order: string): NoteLayout {
  return { id, x, y: 0, width: 100, height: 100, colour: 'yellow', order }
}

const area = { x: 0, y: 0, width: 500, height: 500 }

describe('cullNotes', () => {
  it('renders only notes meeting the area, plus pinned ones', () => {
    const layout = [note('a', 0, 'a0'), note('far', 5000, 'a1'), note('b', 300, 'a2')]
    const rendered = cullNotes(layout, area, new Set(), new Map())
    expect(rendered.map((n) => n.id)).toEqual(['a', 'b'])
    expect(cullNotes(layout, area, new Set(['far']), new Map()).map((n) => n.id)).toEqual(['a', 'far', 'b'])
  })

  it('reports stacking as z and keeps DOM order stable when stacking changes', () => {
    const order: StableOrder = new Map()
    const first = cullNotes([note('a', 0, 'a0'), note('b', 10, 'a1')], area, new Set(), order)
    expect(first).toEqual([
      { id: 'a', z: 0 },
      { id: 'b', z: 1 },
    ])
    const raised = cullNotes([note('b', 10, 'a1'), note('a', 0, 'a2')], area, new Set(), order)
    expect(raised).toEqual([
      { id: 'a', z: 1 },
      { id: 'b', z: 0 },
    ])
  })

  it('compares renderings by id and z', () => {
    expect(sameRendering([{ id: 'a', z: 0 }], [{ id: 'a', z: 0 }])).toBe(true)
    expect(sameRendering([{ id: 'a', z: 0 }], [{ id: 'a', z: 1 }])).toBe(false)
  })
})

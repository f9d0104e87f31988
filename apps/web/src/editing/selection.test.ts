/** Tests for the selection rules. */
import type { NoteLayout } from '@samla/board'
import { describe, expect, it } from 'vitest'
import {
  actionTargets,
  addToSelection,
  existingIds,
  NUDGE_STEP,
  NUDGE_STEP_LARGE,
  notesInRect,
  nudgeOffset,
  rectBetween,
  toggleId,
} from './selection'

function note(id: string, x: number, y: number): NoteLayout {
  return { id, x, y, width: 100, height: 100, colour: 'yellow', order: id }
}

const layout = [note('a', 0, 0), note('b', 200, 0), note('c', 0, 300)]

describe('selection', () => {
  it('toggles an id in and out, keeping the order of the rest', () => {
    expect(toggleId(['a', 'b'], 'c')).toEqual(['a', 'b', 'c'])
    expect(toggleId(['a', 'b', 'c'], 'b')).toEqual(['a', 'c'])
  })

  it('spans a band between two corners dragged in any direction', () => {
    expect(rectBetween({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual({ x: 10, y: 20, width: 40, height: 60 })
  })

  it('picks the notes a band touches, and none for a mere click', () => {
    expect(notesInRect(layout, { x: 90, y: 50, width: 150, height: 10 })).toEqual(['a', 'b'])
    expect(notesInRect(layout, { x: -10, y: 250, width: 20, height: 100 })).toEqual(['c'])
    expect(notesInRect(layout, { x: 50, y: 50, width: 0, height: 0 })).toEqual([])
  })

  it('adds a band to the selection without duplicates', () => {
    const selection = ['b']
    expect(addToSelection(selection, ['a', 'b'])).toEqual(['b', 'a'])
    expect(addToSelection(selection, ['b'])).toBe(selection)
  })

  it('applies an action to the whole selection only when the note is part of it', () => {
    expect(actionTargets(['a', 'b'], 'a')).toEqual(['a', 'b'])
    expect(actionTargets(['a', 'b'], 'c')).toEqual(['c'])
  })

  it('forgets ids no longer on the board', () => {
    expect(existingIds(['a', 'gone', 'c'], layout)).toEqual(['a', 'c'])
  })

  it('nudges by a step per arrow, a bigger one with Shift', () => {
    expect(nudgeOffset('ArrowLeft', false)).toEqual({ dx: -NUDGE_STEP, dy: 0 })
    expect(nudgeOffset('ArrowDown', true)).toEqual({ dx: 0, dy: NUDGE_STEP_LARGE })
    expect(nudgeOffset('Enter', false)).toBeNull()
  })
})

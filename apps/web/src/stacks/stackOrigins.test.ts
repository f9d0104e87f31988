import type { NoteOrigin } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { stackOrigins } from './stackOrigins'

const WORDS = { untitled: 'Namnlös tavla', thisBoard: 'den här tavlan' }
const origin = (boardTitle: string): NoteOrigin => ({ boardId: 'b'.repeat(22), boardTitle, noteId: 'note-0001' })

describe('[WZ1] a stack’s origins in words', () => {
  it('names each source board once, in the stack’s order, untitled and own notes in words', () => {
    const origins: Record<string, NoteOrigin | undefined> = {
      a: origin('Kiruna'),
      b: origin('Luleå'),
      c: origin('Kiruna'),
      d: origin('  '),
      e: undefined,
    }
    expect(stackOrigins(['a', 'b', 'c', 'd', 'e'], (id) => origins[id], WORDS)).toEqual([
      'Kiruna',
      'Luleå',
      'Namnlös tavla',
      'den här tavlan',
    ])
  })
})

/** Tests for publishing private notes at a reveal. */
import { addNote, listNotes, readControl, revealPrivateNotes, setAnonymous, setPrivateMode } from '@samla/board'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { settleReveal } from './publish'

const author = { authorId: 'user-000000000001', authorName: 'Maja' }

function memoryStorage() {
  const items = new Map<string, string>()
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (k: string, v: string) => void items.set(k, v) }
}

describe('settleReveal', () => {
  let control: Y.Doc
  let drafts: Y.Doc
  let board: Y.Doc

  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage())
    control = new Y.Doc()
    drafts = new Y.Doc()
    board = new Y.Doc()
    setPrivateMode(control, true)
    addNote(drafts, { x: 10, y: 20, text: 'Hemligt', ...author })
  })

  it('publishes nothing before a reveal', () => {
    expect(settleReveal('b1', readControl(control), drafts, board, author)).toBeNull()
    expect(listNotes(board)).toEqual([])
  })

  it('publishes once per reveal, with the author', () => {
    revealPrivateNotes(control)
    expect(settleReveal('b1', readControl(control), drafts, board, author)).toBe(1)
    expect(listNotes(board).map((n) => [n.text, n.authorName])).toEqual([['Hemligt', 'Maja']])
    expect(listNotes(drafts)).toEqual([])
    addNote(drafts, { x: 0, y: 0, text: 'Senare' })
    expect(settleReveal('b1', readControl(control), drafts, board, author)).toBeNull()
    expect(listNotes(board)).toHaveLength(1)
  })

  it('publishes a reveal it missed, e.g. while offline, when it next sees the count', () => {
    revealPrivateNotes(control)
    setPrivateMode(control, true)
    revealPrivateNotes(control)
    expect(settleReveal('b1', readControl(control), drafts, board, author)).toBe(1)
  })

  it('leaves the author out in anonymous mode', () => {
    setAnonymous(control, true)
    revealPrivateNotes(control)
    settleReveal('b1', readControl(control), drafts, board, author)
    const [note] = listNotes(board)
    expect([note?.authorId, note?.authorName]).toEqual(['', ''])
    expect(JSON.stringify(board.toJSON())).not.toContain('Maja')
  })
})

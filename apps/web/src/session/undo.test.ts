/** Tests for undo scoped to this person's own changes. */
import { addNote, bringToFront, deleteNotes, moveNotes, readNote, setNoteText } from '@samla/board'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL_ORIGIN, UNTRACKED_ORIGIN } from './origin'
import { createUndo } from './undo'

/** Stands in for the relay connection, which applies others' updates with itself as origin. */
const RELAY = { name: 'provider' }

function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAY) Y.applyUpdate(b, update, RELAY)
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAY) Y.applyUpdate(a, update, RELAY)
  })
  return { a, b }
}

const local = (doc: Y.Doc, write: () => void) => doc.transact(write, LOCAL_ORIGIN)

describe('undo of one’s own changes', () => {
  it('undoes a local move but leaves a collaborator’s edit alone', () => {
    const { a, b } = pair()
    const undo = createUndo(a)
    const mine = addNote(a, { id: 'note-mine-1', x: 0, y: 0, text: 'A' })
    const theirs = addNote(b, { id: 'note-theirs', x: 500, y: 0, text: 'B' })
    local(a, () => moveNotes(a, [mine], 40, 0))
    setNoteText(b, theirs, 'B ändrad')
    moveNotes(b, [theirs], 0, 30)
    expect(undo.getState().canUndo).toBe(true)
    undo.undo()
    expect(readNote(a, mine)?.x).toBe(0)
    expect(readNote(a, theirs)).toMatchObject({ text: 'B ändrad', y: 30 })
    expect(readNote(b, mine)?.x).toBe(0)
    expect(undo.getState()).toEqual({ canUndo: false, canRedo: true })
    undo.redo()
    expect(readNote(b, mine)?.x).toBe(40)
  })

  it('does not overwrite a value a collaborator set after the local change', () => {
    const { a, b } = pair()
    const undo = createUndo(a)
    const id = addNote(a, { id: 'note-shared', x: 0, y: 0 })
    local(a, () => moveNotes(a, [id], 10, 0))
    moveNotes(b, [id], 100, 0)
    undo.undo()
    expect(readNote(a, id)?.x).toBe(110)
  })

  it('brings back deleted notes, with their text, for everyone', () => {
    const { a, b } = pair()
    const undo = createUndo(a)
    addNote(a, { id: 'note-one-111', x: 0, y: 0, text: 'ett' })
    addNote(a, { id: 'note-two-222', x: 0, y: 0, text: 'två' })
    local(a, () => deleteNotes(a, ['note-one-111', 'note-two-222']))
    expect(readNote(b, 'note-one-111')).toBeUndefined()
    undo.undo()
    expect(readNote(b, 'note-one-111')?.text).toBe('ett')
    expect(readNote(b, 'note-two-222')?.text).toBe('två')
  })

  it('undoes a move made right after typing on its own, and a run of keystrokes in one note as one step', () => {
    const { a } = pair()
    const undo = createUndo(a)
    const id = addNote(a, { id: 'note-typed-1', x: 0, y: 0 })
    for (const text of ['H', 'He', 'Hej']) {
      undo.beginWrite(`text:${id}`)
      local(a, () => setNoteText(a, id, text))
    }
    undo.beginWrite()
    local(a, () => moveNotes(a, [id], 40, 0))
    undo.undo()
    expect(readNote(a, id)).toMatchObject({ x: 0, text: 'Hej' })
    undo.undo()
    expect(readNote(a, id)).toMatchObject({ x: 0, text: '' })
    expect(undo.getState().canUndo).toBe(false)
  })

  it('never tracks remote changes, changes loaded from elsewhere, or raising a note', () => {
    const { a, b } = pair()
    const undo = createUndo(a)
    const id = addNote(b, { id: 'note-remote', x: 0, y: 0 })
    addNote(a, { id: 'note-other1', x: 0, y: 0 })
    a.transact(() => bringToFront(a, [id]), UNTRACKED_ORIGIN)
    expect(undo.getState().canUndo).toBe(false)
    undo.destroy()
  })
})

/** Tests for where a new note goes: the phase, a silent brainstorm and anonymous mode. */
import { createBoardReader, createControlReader, listNotes, setAnonymous, setPhase, setPrivateMode } from '@samla/board'
import type { Role } from '@samla/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNewNote } from './newNote'
import type { BoardSession } from './session'

function sessionFor(role: Role) {
  const doc = new Y.Doc()
  const controlDoc = new Y.Doc()
  const session = {
    boardId: 'board-without-drafts',
    participantId: 'participant-0000000000',
    role,
    doc,
    controlDoc,
    reader: createBoardReader(doc),
    control: createControlReader(controlDoc),
  } as unknown as BoardSession
  return { session, doc, controlDoc }
}

describe('addNewNote', () => {
  it('writes a note with its author in the write phase', () => {
    const { session, doc } = sessionFor('participant')
    expect(addNewNote(session, { x: 10, y: 20 })).toBeTypeOf('string')
    expect(listNotes(doc)[0]?.authorId).not.toBe('')
  })

  it('leaves the author out entirely in anonymous mode', () => {
    const { session, doc, controlDoc } = sessionFor('participant')
    setAnonymous(controlDoc, true)
    addNewNote(session, { x: 0, y: 0 })
    expect([listNotes(doc)[0]?.authorId, listNotes(doc)[0]?.authorName]).toEqual(['', ''])
  })

  it('writes nothing for a participant outside the write phase, but does for the facilitator', () => {
    const participant = sessionFor('participant')
    setPhase(participant.controlDoc, 'vote')
    expect(addNewNote(participant.session, { x: 0, y: 0 })).toBeUndefined()
    expect(listNotes(participant.doc)).toEqual([])
    const facilitator = sessionFor('facilitator')
    setPhase(facilitator.controlDoc, 'vote')
    expect(addNewNote(facilitator.session, { x: 0, y: 0 })).toBeTypeOf('string')
  })

  it('never puts a participant note on the board during a silent brainstorm', () => {
    const participant = sessionFor('participant')
    setPrivateMode(participant.controlDoc, true)
    // No drafts doc is open for this board: the note is not written anywhere rather than shared.
    expect(addNewNote(participant.session, { x: 0, y: 0 })).toBeUndefined()
    expect(listNotes(participant.doc)).toEqual([])
    const facilitator = sessionFor('facilitator')
    setPrivateMode(facilitator.controlDoc, true)
    addNewNote(facilitator.session, { x: 0, y: 0 })
    expect(listNotes(facilitator.doc)).toHaveLength(1)
  })
})

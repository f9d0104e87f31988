/**
 * Silent brainstorm: while the facilitator keeps writing private, a participant's new notes go
 * into a local-only doc that is never sent anywhere. At the reveal they are published into the
 * board doc in one transaction, keeping their ids, positions, text and colour, and leave the
 * private doc. Publishing twice is harmless: a note already on the board is skipped.
 */
import type * as Y from 'yjs'
import { addNote, listNotes } from './note.js'
import { notesMap } from './schema.js'

export interface Author {
  authorId: string
  authorName: string
}

/** Moves every private note onto the board; returns how many were published. */
export function publishPrivateNotes(privateDoc: Y.Doc, boardDoc: Y.Doc, author: Author | null): number {
  const drafts = listNotes(privateDoc)
  const fresh = drafts.filter((note) => !notesMap(boardDoc).has(note.id))
  boardDoc.transact(() => {
    for (const note of fresh) {
      addNote(boardDoc, {
        id: note.id,
        x: note.x,
        y: note.y,
        width: note.width,
        height: note.height,
        text: note.text,
        colour: note.colour,
        now: note.createdAt,
        // In anonymous mode the author is left out at publication, not merely hidden.
        ...(author ?? {}),
      })
    }
  })
  privateDoc.transact(() => {
    for (const note of drafts) notesMap(privateDoc).delete(note.id)
  })
  return fresh.length
}

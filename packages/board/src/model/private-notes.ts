/**
 * Silent brainstorm: while the facilitator keeps writing private, a participant's new notes go
 * into a local-only doc that is never sent anywhere. At the reveal they are published into the
 * board doc in one transaction, keeping their ids, text and colour, each where it was written
 * unless that spot is taken on the board by now (then in the free space nearest it), and leave
 * the private doc. Publishing twice is harmless: a note already on the board is skipped.
 */
import type * as Y from 'yjs'
import { addNote, listNotes } from './note.js'
import { placeAll } from './placement.js'
import { Scene } from './scene.js'
import { notesMap } from './schema.js'

export interface Author {
  authorId: string
  authorName: string
}

/** Moves every private note onto the board; returns how many were published. */
export function publishPrivateNotes(privateDoc: Y.Doc, boardDoc: Y.Doc, author: Author | null): number {
  const drafts = listNotes(privateDoc)
  const fresh = drafts.filter((note) => !notesMap(boardDoc).has(note.id))
  const spots = placeAll(
    new Scene(boardDoc).occupancy(),
    fresh.map((note) => ({ width: note.width, height: note.height, near: note })),
  )
  boardDoc.transact(() => {
    for (const [i, note] of fresh.entries()) {
      addNote(boardDoc, {
        id: note.id,
        x: spots[i]?.x ?? note.x,
        y: spots[i]?.y ?? note.y,
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

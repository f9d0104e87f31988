/**
 * Where things live inside a board's Y.Doc. Only this module and the entity modules know the
 * shared-type names; everything else goes through the typed operations.
 *
 *   doc.getMap('meta')   title, createdAt, schemaVersion
 *   doc.getMap('notes')  noteId -> Y.Map { id, text: Y.Text, x, y, width, height, colour,
 *                                          authorId, authorName, createdAt, order }
 */
import type * as Y from 'yjs'

export const SCHEMA_VERSION = 1

export type NoteMap = Y.Map<unknown>

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta')
}

export function notesMap(doc: Y.Doc): Y.Map<NoteMap> {
  return doc.getMap('notes')
}

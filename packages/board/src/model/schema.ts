/**
 * Where things live inside a board's Y.Doc. Only this module and the entity modules know the
 * shared-type names; everything else goes through the typed operations.
 *
 *   doc.getMap('meta')   title, createdAt, schemaVersion
 *   doc.getMap('notes')     noteId -> Y.Map { text: Y.Text, x, y, width, height, colour,
 *                              authorId?, authorName?, createdAt, order, clusterId?, origin? }
 *   doc.getMap('clusters')  clusterId -> Y.Map { name: Y.Text, x, y, width, height, colour,
 *                              collapsed, order }
 *   doc.getMap('regions')   regionId -> Y.Map { title, x, y, width, height, sourceBoardId }: a merged
 *                           board's part per source board (facilitator only)
 *   doc.getMap('stacks')    stackId -> Y.Map { notes: noteId[], dismissed }: near-duplicates the
 *                           facilitator confirmed (or dismissed) as one note in the vote
 *
 * The id is the key alone: the maps hold no copy of it (one field fewer per note to store, send and
 * read on every load). Boards written before that may still hold an `id` field; nothing reads it.
 *   doc.getMap('votes')     voterId -> Y.Map { noteId -> dots }: ballots as boards kept them before
 *                           the relay did; the relay moves them out when it loads the board
 *
 * A note's cluster is one last-writer-wins field, so under any concurrency a note is in exactly
 * one cluster or none. A clusterId naming a deleted cluster reads as "none".
 *
 * Any peer can store anything under these maps (a stock Yjs client is one line from
 * `notes.set(id, 42)`), so they are typed as holding unknown values: entries are read through
 * entries.ts, which skips what is not a note or cluster at all.
 */
import type * as Y from 'yjs'

export const SCHEMA_VERSION = 1

export type NoteMap = Y.Map<unknown>

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta')
}

export function notesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('notes')
}

export type ClusterMap = Y.Map<unknown>

export function clustersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('clusters')
}

export function regionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('regions')
}

export function stacksMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('stacks')
}

export function votesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('votes')
}

/** The shared types a person's undo history covers: their notes and clusters, not meta. */
export function undoScope(doc: Y.Doc): [Y.Map<unknown>, Y.Map<unknown>] {
  return [notesMap(doc), clustersMap(doc)]
}

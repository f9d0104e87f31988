/**
 * The notes and clusters a reader can read: a Y.Map under a well-formed id. Whatever else a peer
 * stored in the notes or clusters map (a number, a Y.Array, a map under a malformed key) is no note
 * or cluster at all: every reader and every write operation skips it, and the relay removes it when
 * it loads the board (repair.ts). A readable entry's fields are read through fields.ts, where a
 * field that breaks its rule reads as missing.
 */
import * as Y from 'yjs'
import { isEntryId } from './entry-rules.js'
import { type ClusterMap, clustersMap, type NoteMap, notesMap, regionsMap, stacksMap } from './schema.js'

/** Whether an entry stored under `id` can be read as a note or cluster. */
export function isReadableEntry(id: string, entry: unknown): entry is Y.Map<unknown> {
  return entry instanceof Y.Map && isEntryId(id)
}

function readableEntries(collection: Y.Map<unknown>): [string, Y.Map<unknown>][] {
  const found: [string, Y.Map<unknown>][] = []
  for (const [id, entry] of collection.entries()) if (isReadableEntry(id, entry)) found.push([id, entry])
  return found
}

function readableEntry(collection: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const entry = collection.get(id)
  return isReadableEntry(id, entry) ? entry : undefined
}

export const noteEntries = (doc: Y.Doc): [string, NoteMap][] => readableEntries(notesMap(doc))
export const noteEntry = (doc: Y.Doc, id: string): NoteMap | undefined => readableEntry(notesMap(doc), id)
export const clusterEntries = (doc: Y.Doc): [string, ClusterMap][] => readableEntries(clustersMap(doc))
export const clusterEntry = (doc: Y.Doc, id: string): ClusterMap | undefined => readableEntry(clustersMap(doc), id)
export const regionEntries = (doc: Y.Doc): [string, Y.Map<unknown>][] => readableEntries(regionsMap(doc))
export const stackEntries = (doc: Y.Doc): [string, Y.Map<unknown>][] => readableEntries(stacksMap(doc))

/** How many entries of the board's notes and clusters cannot be read, and so are left out of every reading. */
export function skippedEntryCount(doc: Y.Doc): number {
  let skipped = 0
  for (const collection of [notesMap(doc), clustersMap(doc)]) {
    for (const [id, entry] of collection.entries()) if (!isReadableEntry(id, entry)) skipped++
  }
  return skipped
}

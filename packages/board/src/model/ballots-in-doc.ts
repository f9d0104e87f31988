/**
 * Ballots as boards kept them before the relay did: `doc.getMap('votes')`, voter id -> Y.Map of
 * note id -> dots, written by the voters themselves. The relay reads them once, stores them as its
 * own, and clears the map; nothing else reads or writes it.
 */
import * as Y from 'yjs'
import { isEntryId } from './entry-rules.js'
import { votesMap } from './schema.js'
import type { Ballot } from './vote.js'

/**
 * The ballots in the doc, by voter id: only voters and notes under well-formed ids, and dots that
 * are positive whole numbers (any peer could have written anything there).
 */
export function ballotsInDoc(doc: Y.Doc): Map<string, Ballot> {
  const ballots = new Map<string, Ballot>()
  for (const [voterId, entry] of votesMap(doc).entries()) {
    if (!isEntryId(voterId) || !(entry instanceof Y.Map)) continue
    const ballot = new Map<string, number>()
    for (const [noteId, dots] of entry.entries()) {
      if (isEntryId(noteId) && Number.isInteger(dots) && dots > 0) ballot.set(noteId, dots)
    }
    if (ballot.size > 0) ballots.set(voterId, ballot)
  }
  return ballots
}

/** Removes every entry of the doc's ballots, in one transaction (none when there are none). */
export function clearBallotsInDoc(doc: Y.Doc): void {
  const votes = votesMap(doc)
  if (votes.size === 0) return
  doc.transact(() => {
    for (const voterId of [...votes.keys()]) votes.delete(voterId)
  })
}

/**
 * Repairing a board that holds data breaking the schema (stored before the relay checked what
 * participants send). It removes exactly what the readers already leave out: entries that are no
 * note, cluster or region at all (entries.ts), and fields that break their rule (entry-rules.ts), which read
 * as missing anyway (fields.ts). So a repaired board reads as it did before, and is well formed.
 */
import type * as Y from 'yjs'
import { isReadableEntry } from './entries.js'
import { ALL_COLLECTIONS, fieldIsValid } from './entry-rules.js'

export interface BoardRepair {
  /** Entries removed, by collection (`notes`, `clusters`, `regions`). */
  readonly entries: ReadonlyMap<string, number>
  /** Fields removed from entries that were kept. */
  readonly fields: number
}

/** Removes what breaks the schema, in one transaction (none when the board is well formed). */
export function repairBoard(doc: Y.Doc): BoardRepair {
  const removeEntries: [Y.Map<unknown>, string][] = []
  const removeFields: [Y.Map<unknown>, string][] = []
  const entries = new Map<string, number>()
  for (const [name, rules] of Object.entries(ALL_COLLECTIONS)) {
    const collection = doc.getMap<unknown>(name)
    for (const [id, entry] of collection.entries()) {
      if (!isReadableEntry(id, entry)) {
        removeEntries.push([collection, id])
        entries.set(name, (entries.get(name) ?? 0) + 1)
        continue
      }
      for (const [key, stored] of entry.entries()) {
        const rule = rules[key]
        if (!rule || !fieldIsValid(rule, stored)) removeFields.push([entry, key])
      }
    }
  }
  if (removeEntries.length + removeFields.length > 0) {
    doc.transact(() => {
      for (const [map, key] of [...removeEntries, ...removeFields]) map.delete(key)
    })
  }
  return { entries, fields: removeFields.length }
}

/**
 * Restoring a board to an earlier snapshot, as a new change: everyone sees it live, nobody's
 * history is rewritten, and restoring a later snapshot undoes it. Only entries that differ
 * from the snapshot are replaced, so a restore does not disturb notes that were not changed.
 */
import * as Y from 'yjs'

/** Not `votes`: ballots are the relay's, and a restore leaves them as they are (ballots-in-doc.ts). */
const TOP_LEVEL_MAPS = ['meta', 'notes', 'clusters', 'regions', 'stacks'] as const

/**
 * Whether a stored value can be carried into another doc: plain values, texts, maps and lists. Any
 * other shared type (XML, a subdocument) is no part of a board, only what a hostile peer may have
 * put there, and is left out of a restore.
 */
function copyable(value: unknown): boolean {
  if (value instanceof Y.Doc) return false
  return !(value instanceof Y.AbstractType) || [Y.Text, Y.Map, Y.Array].some((type) => value instanceof type)
}

/** A fresh copy of a shared value, for inserting into another doc (call only on a copyable one). */
function copyValue(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString())
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>()
    for (const [key, inner] of value.entries()) if (copyable(inner)) copy.set(key, copyValue(inner))
    return copy
  }
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>()
    copy.push(value.toArray().filter(copyable).map(copyValue))
    return copy
  }
  return value
}

function plain(value: unknown): string {
  return JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : value)
}

/** Makes `doc` equal to the board state encoded in `snapshot`, in one transaction. */
export function restoreBoard(doc: Y.Doc, snapshot: Uint8Array): void {
  const past = new Y.Doc()
  Y.applyUpdate(past, snapshot)
  doc.transact(() => {
    for (const name of TOP_LEVEL_MAPS) {
      const target = doc.getMap<unknown>(name)
      const source = past.getMap<unknown>(name)
      const kept = new Map([...source.entries()].filter(([, value]) => copyable(value)))
      for (const key of [...target.keys()]) if (!kept.has(key)) target.delete(key)
      for (const [key, value] of kept) {
        if (plain(target.get(key)) !== plain(value)) target.set(key, copyValue(value))
      }
    }
  })
  past.destroy()
}

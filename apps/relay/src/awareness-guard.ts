/**
 * Checks an awareness update before it is applied: a connection may only set or remove the
 * client ids it owns (the first time it names a free id, that id becomes its own), and may own
 * at most `maxEntries` of them. This stops one client from erasing or impersonating another's
 * presence and from filling the room's awareness with entries.
 */
import * as decoding from 'lib0/decoding'

export type AwarenessVerdict = { ok: true; clientIds: number[] } | { ok: false; reason: 'not-own' | 'cap' }

/** Reads the client ids an encoded awareness update touches (throws on a malformed update). */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder))
    decoding.readVarUint(decoder) // clock
    decoding.readVarString(decoder) // state as JSON
  }
  return ids
}

export function checkAwareness(
  update: Uint8Array,
  own: ReadonlySet<number>,
  ownedByOthers: (clientId: number) => boolean,
  maxEntries: number,
): AwarenessVerdict {
  const clientIds = awarenessClientIds(update)
  if (clientIds.some((id) => !own.has(id) && ownedByOthers(id))) return { ok: false, reason: 'not-own' }
  const claimed = new Set([...own, ...clientIds])
  if (claimed.size > maxEntries) return { ok: false, reason: 'cap' }
  return { ok: true, clientIds }
}

/**
 * Checks an awareness update before it is applied. A connection may only change entries it
 * owns (the first time it changes a free id, that id becomes its own) and may own at most
 * `maxEntries`. Entries that would change nothing are ignored: the stock y-websocket client
 * echoes every presence change it hears, including other people's, and such an echo must
 * neither claim the id nor count against the sender.
 */
import * as decoding from 'lib0/decoding'

export interface AwarenessEntry {
  clientId: number
  clock: number
  removes: boolean
}

export type AwarenessVerdict = { ok: true; claimed: number[] } | { ok: false; reason: 'not-own' | 'cap' }

export interface AwarenessView {
  clockOf(clientId: number): number | undefined
  hasState(clientId: number): boolean
  ownerIsOther(clientId: number): boolean
}

/** Reads the entries of an encoded awareness update (throws on a malformed one). */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const removes = decoding.readVarString(decoder) === 'null'
    entries.push({ clientId, clock, removes })
  }
  return entries
}

/** Mirrors y-protocols' rule for when an entry takes effect. */
function takesEffect(entry: AwarenessEntry, view: AwarenessView): boolean {
  const current = view.clockOf(entry.clientId) ?? 0
  return current < entry.clock || (current === entry.clock && entry.removes && view.hasState(entry.clientId))
}

export function checkAwareness(
  update: Uint8Array,
  own: ReadonlySet<number>,
  view: AwarenessView,
  maxEntries: number,
): AwarenessVerdict {
  const effective = readAwarenessEntries(update).filter((entry) => takesEffect(entry, view))
  if (effective.some((entry) => !own.has(entry.clientId) && view.ownerIsOther(entry.clientId))) {
    return { ok: false, reason: 'not-own' }
  }
  const claimed = effective.filter((entry) => !entry.removes).map((entry) => entry.clientId)
  if (new Set([...own, ...claimed]).size > maxEntries) return { ok: false, reason: 'cap' }
  return { ok: true, claimed }
}

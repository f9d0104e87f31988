/**
 * Checks an awareness update before it is applied. A connection may only change entries it
 * owns (the first time it changes a free id, that id becomes its own) and may own at most
 * `maxEntries`; no entry may be larger than `maxEntryBytes` (a name, a cursor and a selection take
 * a few hundred bytes; a larger entry would be sent to everyone on the board, and to every joiner).
 * Entries that would change nothing are ignored: the stock y-websocket client echoes every presence
 * change it hears, including other people's, and such an echo must neither claim the id nor count
 * against the sender.
 */
import * as decoding from 'lib0/decoding'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The entry's state as sent: JSON text, `null` when the entry is removed. */
  state: Uint8Array
  removes: boolean
}

export type AwarenessVerdict = { ok: true; claimed: number[] } | { ok: false; reason: 'not-own' | 'cap' | 'too-big' }

export interface AwarenessView {
  clockOf(clientId: number): number | undefined
  hasState(clientId: number): boolean
  ownerIsOther(clientId: number): boolean
}

export interface AwarenessLimits {
  readonly maxEntries: number
  readonly maxEntryBytes: number
}

const NULL_STATE = 'null'

/** Reads the entries of an encoded awareness update (throws on a malformed one). */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarUint8Array(decoder)
    entries.push({ clientId, clock, state, removes: isNull(state) })
  }
  return entries
}

function isNull(state: Uint8Array): boolean {
  return state.length === NULL_STATE.length && String.fromCharCode(...state) === NULL_STATE
}

/** Mirrors y-protocols' rule for when an entry takes effect. */
function takesEffect(entry: AwarenessEntry, view: AwarenessView): boolean {
  const current = view.clockOf(entry.clientId) ?? 0
  return current < entry.clock || (current === entry.clock && entry.removes && view.hasState(entry.clientId))
}

export function checkAwareness(
  entries: readonly AwarenessEntry[],
  own: ReadonlySet<number>,
  view: AwarenessView,
  { maxEntries, maxEntryBytes }: AwarenessLimits,
): AwarenessVerdict {
  if (entries.some((entry) => entry.state.length > maxEntryBytes)) return { ok: false, reason: 'too-big' }
  const effective = entries.filter((entry) => takesEffect(entry, view))
  if (effective.some((entry) => !own.has(entry.clientId) && view.ownerIsOther(entry.clientId))) {
    return { ok: false, reason: 'not-own' }
  }
  const claimed = effective.filter((entry) => !entry.removes).map((entry) => entry.clientId)
  if (new Set([...own, ...claimed]).size > maxEntries) return { ok: false, reason: 'cap' }
  return { ok: true, claimed }
}

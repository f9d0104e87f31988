/**
 * What a viewer's presence may carry: its name (the `user` field: name, organisation, colour and its
 * id for the board), so the people on a board see who watches, and nothing else — no cursor, no
 * selection, no note being edited, no shared view to follow or summons. A viewer only watches (a
 * projector, an observer), so anything more would be noise at best and, from a leaked viewer link,
 * a way to steer or flood everyone's screen. The relay rewrites a viewer's entries to that before
 * they are applied, so nobody, joiners included, ever hears more.
 */
import * as encoding from 'lib0/encoding'
import type { AwarenessEntry } from './awareness-guard.js'

const decoder = new TextDecoder()

/** The awareness update a viewer's entries make once each keeps only its `user` (throws on bad JSON). */
export function viewerPresence(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state, removes } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, removes ? 'null' : JSON.stringify(onlyUser(JSON.parse(decoder.decode(state)))))
  }
  return encoding.toUint8Array(encoder)
}

function onlyUser(state: unknown): { user?: unknown } {
  const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined
  return user === undefined ? {} : { user }
}

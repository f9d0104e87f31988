/**
 * Helpers for the board model's tests only (not exported from index.ts): fresh docs with fixed
 * client ids, the "throws this BoardError and changes nothing" assertion behind SPEC [V*], and the
 * three-peer rounds of the convergence properties.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { BoardError, type BoardErrorCode } from './errors.js'
import { initBoard } from './meta.js'
import { type AddNoteInput, addNote } from './note.js'
import { metaMap, notesMap } from './schema.js'

export const REMOTE = Symbol('remote')

export function newDoc(clientID = 1): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  // Defining the shared types up front makes doc.toJSON() list them even before they are used.
  metaMap(doc)
  notesMap(doc)
  return doc
}

/** A board with a title and notes `note-0001`, `note-0002`, … added in that order (bottom first). */
export function seededDoc(count: number, clientID = 1): { doc: Y.Doc; ids: string[] } {
  const doc = newDoc(clientID)
  initBoard(doc, { title: 'Retro', now: 1_000 })
  const ids = Array.from({ length: count }, (_, i) => add(doc, { id: `note-${String(i + 1).padStart(4, '0')}` }))
  return { doc, ids }
}

export function add(doc: Y.Doc, input: Partial<AddNoteInput> = {}): string {
  return addNote(doc, { x: 0, y: 0, authorId: 'author-1', authorName: 'Åsa', now: 2_000, ...input })
}

/** Copies a doc's state into a new doc with another client id, as a peer that has synced. */
export function peerOf(doc: Y.Doc, clientID: number): Y.Doc {
  const peer = newDoc(clientID)
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), REMOTE)
  return peer
}

export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)
}

/** Counts the doc's update events (and transactions) while `fn` runs. */
export function countEvents(doc: Y.Doc, fn: () => void): { updates: number; transactions: number } {
  const counts = { updates: 0, transactions: 0 }
  const onUpdate = () => counts.updates++
  const onTransaction = () => counts.transactions++
  doc.on('update', onUpdate)
  doc.on('afterTransaction', onTransaction)
  try {
    fn()
  } finally {
    doc.off('update', onUpdate)
    doc.off('afterTransaction', onTransaction)
  }
  return counts
}

/** Asserts that `fn` throws a BoardError with `code` and leaves the doc byte-for-byte untouched. */
export function expectRejected(doc: Y.Doc, code: BoardErrorCode, fn: () => unknown): void {
  const before = Y.encodeStateAsUpdate(doc)
  let thrown: unknown
  const { updates } = countEvents(doc, () => {
    try {
      fn()
    } catch (error) {
      thrown = error
    }
  })
  expect(thrown).toBeInstanceOf(BoardError)
  expect((thrown as BoardError).code).toBe(code)
  expect(updates).toBe(0)
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
}

/**
 * Delivers every update to every peer, each peer in its own random order and with up to
 * `maxDuplicates` random repeats: what an unreliable network with retries may do.
 */
function deliverShuffledWithDuplicates(
  g: fc.GeneratorValue,
  peers: readonly Y.Doc[],
  updates: readonly Uint8Array[],
  maxDuplicates: number,
): void {
  for (const peer of peers) {
    const duplicates = g(fc.array, fc.nat(Math.max(updates.length - 1, 0)), { maxLength: maxDuplicates })
    const withDuplicates = [
      ...updates,
      ...(updates.length ? duplicates.map((i) => updates[i] ?? new Uint8Array()) : []),
    ]
    const n = withDuplicates.length
    for (const update of g(fc.shuffledSubarray, withDuplicates, { minLength: n, maxLength: n })) {
      Y.applyUpdate(peer, update, REMOTE)
    }
  }
}

/** One round of a convergence property: each peer's ops, then partial syncs between the peers. */
export interface Round<Op> {
  readonly ops: readonly (readonly Op[])[]
  /** Update `pick` (modulo the count sent so far) is delivered to peer `to`. */
  readonly deliveries: readonly { readonly to: number; readonly pick: number }[]
}

/**
 * Three peers (client ids 1–3) start from `initial` and play the rounds, `tryApply` making each op
 * (given the peer's outbox of the updates it sent); at the end every update reaches every peer,
 * shuffled and with up to `maxDuplicates` repeats. Returns the peers' docs.
 */
export function playRounds<Op>(
  g: fc.GeneratorValue,
  initial: Uint8Array,
  rounds: readonly Round<Op>[],
  tryApply: (doc: Y.Doc, op: Op, outbox: Uint8Array[]) => void,
  maxDuplicates: number,
): Y.Doc[] {
  const peers = [1, 2, 3].map((clientID) => {
    const doc = newDoc(clientID)
    Y.applyUpdate(doc, initial, REMOTE)
    const outbox: Uint8Array[] = []
    doc.on('update', (update: Uint8Array, from: unknown) => {
      if (from !== REMOTE) outbox.push(update)
    })
    return { doc, outbox }
  })
  const sent = () => peers.flatMap((peer) => peer.outbox)
  for (const round of rounds) {
    peers.forEach((peer, i) => {
      for (const op of round.ops[i] ?? []) tryApply(peer.doc, op, peer.outbox)
    })
    const all = sent()
    for (const { to, pick } of round.deliveries) {
      const update = all[pick % Math.max(all.length, 1)]
      const target = peers[to]
      if (update && target) Y.applyUpdate(target.doc, update, REMOTE)
    }
  }
  const docs = peers.map((peer) => peer.doc)
  deliverShuffledWithDuplicates(g, docs, sent(), maxDuplicates)
  return docs
}

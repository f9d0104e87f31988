/**
 * What the storage tests build on: real Yjs docs whose every change is kept as the update it made,
 * new boards, appends, and reading a stored doc back as its items.
 */
import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import * as Y from 'yjs'
import type { DocRef, Storage, StoredBallots, StoredDoc } from '../src/storage/storage.js'

export const newBoardId = () => `board-${randomBytes(6).toString('hex')}`

/** A Yjs doc whose every change is kept as the update it made, as a room hands them to storage. */
export class Writer {
  readonly doc = new Y.Doc()
  readonly updates: Uint8Array[] = []
  constructor(initial?: Uint8Array) {
    if (initial) Y.applyUpdate(this.doc, initial)
    this.doc.on('update', (update: Uint8Array) => this.updates.push(update))
  }
  /** Adds items, one update each, and returns those updates. */
  add(...items: string[]): Uint8Array[] {
    const from = this.updates.length
    for (const item of items) this.doc.getArray<string>('items').push([item])
    return this.updates.slice(from)
  }
  get state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }
}

export const range = (prefix: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix}${from + i}`)

export function itemsOf(stored: StoredDoc): string[] {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc.getArray<string>('items').toArray()
}

/** The state of a doc holding `items`, made by a client of its own. */
export function stateOf(items: string[]): Uint8Array {
  const writer = new Writer()
  writer.add(...items)
  return writer.state
}

/** A new board's doc, unless a test gives one; writers to a board doc build on it, as a room's clients do. */
export const INITIAL = stateOf(['initial'])

export async function createBoard(
  storage: Storage,
  { createdAt = Date.now(), state = INITIAL, ballots }: CreateOptions = {},
): Promise<string> {
  const id = newBoardId()
  await storage.createBoard({ id, title: `Board ${id}`, createdAt }, state, ballots)
  return id
}
export interface CreateOptions {
  createdAt?: number
  state?: Uint8Array
  ballots?: StoredBallots
}

export async function appendAll(storage: Storage, doc: DocRef, updates: Uint8Array[]): Promise<number[]> {
  const seqs: number[] = []
  for (const update of updates) seqs.push(await storage.appendUpdate(doc, update))
  return seqs
}

export const numeric = (values: number[]) => [...values].sort((x, y) => x - y)

export function expectIncreasing(seqs: number[]): void {
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number)
}

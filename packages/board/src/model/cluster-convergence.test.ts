import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  assignToCluster,
  clusterNoteIds,
  createCluster,
  deleteCluster,
  listClusters,
  mergeClusters,
  moveCluster,
  renameCluster,
} from './cluster.js'
import { BoardError } from './errors.js'
import { initBoard } from './meta.js'
import { addNote, deleteNotes, listNotes } from './note.js'
import { newDoc, playRounds } from './test-support.js'

const SEEDED = ['seed-note-1', 'seed-note-2', 'seed-note-3']
/** Shared by all peers, so they act on each other's notes and clusters and even create the same id at once. */
const NOTES = [...SEEDED, 'new-note-a', 'new-note-b']
const CLUSTERS = ['cluster-a', 'cluster-b', 'cluster-c']

const noteArb = fc.constantFrom(...NOTES)
const notesArb = fc.array(noteArb, { maxLength: 3 })
const clusterArb = fc.constantFrom(...CLUSTERS)
const offsetArb = fc.integer({ min: -300, max: 300 })

type Op =
  | { kind: 'add'; id: string; clusterId: string | null }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'create'; id: string; noteIds: string[] }
  | { kind: 'assign'; ids: string[]; clusterId: string | null }
  | { kind: 'move'; id: string; dx: number; dy: number }
  | { kind: 'merge'; target: string; source: string }
  | { kind: 'deleteCluster'; id: string }
  | { kind: 'rename'; id: string; name: string }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add'), id: noteArb, clusterId: fc.option(clusterArb) }),
  fc.record({ kind: fc.constant('delete'), ids: notesArb }),
  { arbitrary: fc.record({ kind: fc.constant('create'), id: clusterArb, noteIds: notesArb }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('assign'), ids: notesArb, clusterId: fc.option(clusterArb) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('move'), id: clusterArb, dx: offsetArb, dy: offsetArb }), weight: 2 },
  {
    arbitrary: fc
      .shuffledSubarray(CLUSTERS, { minLength: 2, maxLength: 2 })
      .map(([target = '', source = '']) => ({ kind: 'merge' as const, target, source })),
    weight: 4,
  },
  fc.record({ kind: fc.constant('deleteCluster'), id: clusterArb }),
  fc.record({ kind: fc.constant('rename'), id: clusterArb, name: fc.string({ maxLength: 6 }) }),
)

function apply(doc: Y.Doc, op: Op): void {
  switch (op.kind) {
    case 'add':
      addNote(doc, { id: op.id, x: 10, y: 10, clusterId: op.clusterId, now: 1 })
      break
    case 'delete':
      deleteNotes(doc, op.ids)
      break
    case 'create':
      createCluster(doc, { id: op.id, name: op.id, noteIds: op.noteIds })
      break
    case 'assign':
      assignToCluster(doc, op.ids, op.clusterId)
      break
    case 'move':
      moveCluster(doc, op.id, op.dx, op.dy)
      break
    case 'merge':
      mergeClusters(doc, op.target, op.source)
      break
    case 'deleteCluster':
      deleteCluster(doc, op.id)
      break
    case 'rename':
      renameCluster(doc, op.id, op.name)
      break
  }
}

/** Ops may legitimately fail (the cluster was merged away…); a failure must send nothing. */
function tryApply(doc: Y.Doc, op: Op, outbox: Uint8Array[]): void {
  const sent = outbox.length
  try {
    apply(doc, op)
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    expect(outbox.length).toBe(sent)
  }
}

/** Every note's cluster as a reader should show it: its clusterId if that cluster is on the board, else none. */
function resolvedClusters(doc: Y.Doc): Record<string, string | null> {
  const existing = new Set(listClusters(doc).map((c) => c.id))
  return Object.fromEntries(
    listNotes(doc).map((note) => [note.id, note.clusterId && existing.has(note.clusterId) ? note.clusterId : null]),
  )
}

const roundArb = fc.record({
  ops: fc.tuple(...[0, 1, 2].map(() => fc.array(opArb, { maxLength: 8 }))),
  /** Partial syncs between rounds: update `pick` (modulo the count so far) is delivered to peer `to`. */
  deliveries: fc.array(fc.record({ to: fc.nat(2), pick: fc.nat() }), { maxLength: 10 }),
})

describe('cluster convergence', () => {
  it('[C1][CL4][CL5] three peers clustering converge, each note in at most one cluster', () => {
    fc.assert(
      fc.property(fc.array(roundArb, { minLength: 1, maxLength: 3 }), fc.gen(), (rounds, g) => {
        const origin = newDoc(100)
        initBoard(origin, { title: 'Affinitet', now: 1 })
        SEEDED.forEach((id, i) => {
          addNote(origin, { id, x: i * 200, y: 0, now: 1 })
        })
        const initial = Y.encodeStateAsUpdate(origin)
        const docs = playRounds(g, initial, rounds, tryApply, 4)

        const views = docs.map((doc) => {
          const clusters = listClusters(doc)
          const notes = listNotes(doc)
          for (const note of notes) {
            // clusterId is one value: a string or absent, never a list or anything else.
            expect(note.clusterId === null || typeof note.clusterId === 'string').toBe(true)
            const memberships = clusters.filter((c) => clusterNoteIds(doc, c.id).includes(note.id))
            expect(memberships.length).toBeLessThanOrEqual(1)
            expect(memberships[0]?.id ?? null).toBe(resolvedClusters(doc)[note.id])
          }
          return {
            json: doc.toJSON(),
            stateVector: Y.encodeStateVector(doc),
            clusters,
            notes,
            resolved: resolvedClusters(doc),
          }
        })
        const [first, ...others] = views
        for (const other of others) expect(other).toEqual(first)
      }),
      { numRuns: 100 },
    )
  })
})

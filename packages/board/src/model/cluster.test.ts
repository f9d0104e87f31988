import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  assignToCluster,
  clusterMembers,
  clusterNoteIds,
  createCluster,
  deleteCluster,
  listClusters,
  mergeClusters,
  moveCluster,
  recolourCluster,
  renameCluster,
  resizeCluster,
  setClusterCollapsed,
  snapshotCluster,
} from './cluster.js'
import { clusterEntry, noteEntry } from './entries.js'
import { MAX_CLUSTER_NAME_LENGTH, MAX_COORDINATE } from './limits.js'
import { addNote, listNotes, readNote } from './note.js'
import type { NoteColour } from './palette.js'
import { add, countEvents, expectRejected, peerOf, seededDoc, sync } from './test-support.js'

const clusterOf = (doc: Y.Doc, noteId: string) => readNote(doc, noteId)?.clusterId ?? null
const cluster = (doc: Y.Doc, id: string) => listClusters(doc).find((c) => c.id === id)
const UNKNOWN = 'cluster-missing'

describe('createCluster', () => {
  it('[CL1][D4] creates an empty cluster with defaults in one transaction and returns its id', () => {
    const { doc } = seededDoc(1)
    let id = ''
    const { updates, transactions } = countEvents(doc, () => {
      id = createCluster(doc, { name: 'Idéer 💡' })
    })
    expect([updates, transactions]).toEqual([1, 1])
    expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(listClusters(doc)).toEqual([
      { id, name: 'Idéer 💡', x: 0, y: 0, width: 400, height: 300, colour: 'grey', collapsed: false, order: 'a0' },
    ])
    const map = clusterEntry(doc, id)
    expect([...(map?.keys() ?? [])].sort()).toEqual(
      ['collapsed', 'colour', 'height', 'name', 'order', 'width', 'x', 'y'].sort(),
    )
    expect(map?.get('name')).toBeInstanceOf(Y.Text)
  })

  it('[CL1] takes the given id, position, size and colour; a new cluster lands on top', () => {
    const { doc } = seededDoc(0)
    createCluster(doc, { id: 'cluster-b', name: 'B' })
    const input = { id: 'cluster-a', name: 'A', x: -50, y: 75.5, width: 120, height: 20_000, colour: 'pink' as const }
    expect(createCluster(doc, input)).toBe('cluster-a')
    const { id, name, ...rest } = input
    expect(cluster(doc, id)).toMatchObject({ name, ...rest, collapsed: false })
    expect(listClusters(doc).map((c) => c.id)).toEqual(['cluster-b', 'cluster-a'])
  })

  it('[CL1][CL2] groups the notes in the same transaction and is placed around them', () => {
    const { doc } = seededDoc(0)
    const a = add(doc, { id: 'note-aaaa', x: 100, y: 200 })
    const b = add(doc, { id: 'note-bbbb', x: 400, y: 250, width: 200, height: 300 })
    const outside = add(doc, { id: 'note-cccc', x: 0, y: 0 })
    let id = ''
    const { updates } = countEvents(doc, () => {
      id = createCluster(doc, { name: 'Grupp', noteIds: [a, b, a] })
    })
    expect(updates).toBe(1)
    // 24 padding on every side plus a 48 header above the notes.
    expect(cluster(doc, id)).toMatchObject({ x: 76, y: 128, width: 548, height: 446 })
    expect(clusterNoteIds(doc, id).sort()).toEqual([a, b])
    expect(clusterOf(doc, outside)).toBeNull()
  })

  it('[CL2] a small group gets at least the minimum size; explicit geometry wins', () => {
    const { doc } = seededDoc(0)
    const a = add(doc, { id: 'note-aaaa', x: 10, y: 10, width: 60, height: 60 })
    const small = createCluster(doc, { name: 'S', noteIds: [a] })
    expect(cluster(doc, small)).toMatchObject({ x: -14, y: -62, width: 120, height: 156 })
    const given = createCluster(doc, { name: 'G', noteIds: [a], x: 5, width: 500 })
    expect(cluster(doc, given)).toMatchObject({ x: 5, y: -62, width: 500, height: 156 })
  })

  it('[CL2][V2][V3] derived bounds beyond the limits are refused like given ones', () => {
    const { doc } = seededDoc(0)
    const edge = add(doc, { id: 'note-edge', x: -MAX_COORDINATE, y: 0 })
    const far = add(doc, { id: 'note-farr', x: 30_000, y: 0 })
    const near = add(doc, { id: 'note-near', x: 0, y: 0 })
    expectRejected(doc, 'invalid-number', () => createCluster(doc, { name: 'E', noteIds: [edge] }))
    expectRejected(doc, 'invalid-size', () => createCluster(doc, { name: 'W', noteIds: [near, far] }))
    createCluster(doc, { name: 'E', noteIds: [edge], x: -MAX_COORDINATE })
    expect(listClusters(doc)).toHaveLength(1)
  })

  it('[CL10] refuses bad input and leaves the doc untouched', () => {
    const { doc, ids } = seededDoc(1)
    createCluster(doc, { id: 'cluster-1', name: 'One' })
    const make = (input: Partial<Parameters<typeof createCluster>[1]>) => () =>
      createCluster(doc, { name: 'N', ...input })
    expectRejected(doc, 'invalid-id', make({ id: 'cluster-1' }))
    expectRejected(doc, 'invalid-id', make({ id: 'short' }))
    expectRejected(doc, 'invalid-id', make({ noteIds: ['bad id!'] }))
    expectRejected(doc, 'note-not-found', make({ noteIds: [...ids, 'note-9999'] }))
    expectRejected(doc, 'invalid-text', make({ name: 'x'.repeat(MAX_CLUSTER_NAME_LENGTH + 1) }))
    expectRejected(doc, 'invalid-text', make({ name: 42 as unknown as string }))
    for (const size of [119, 20_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectRejected(doc, 'invalid-size', make({ width: size }))
      expectRejected(doc, 'invalid-size', make({ height: size }))
    }
    for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY, MAX_COORDINATE + 1]) {
      expectRejected(doc, 'invalid-number', make({ x: bad }))
      expectRejected(doc, 'invalid-number', make({ y: bad }))
    }
    expectRejected(doc, 'invalid-colour', make({ colour: '#ff0000' as NoteColour }))
    expect(createCluster(doc, { name: 'x'.repeat(MAX_CLUSTER_NAME_LENGTH) })).toBeTruthy()
  })
})

describe('editing a cluster', () => {
  it('[CL3] rename, recolour, collapse and resize each change only their fields', () => {
    const { doc } = seededDoc(0)
    const id = createCluster(doc, { name: 'Gammalt', x: 10, y: 20 })
    const before = cluster(doc, id)
    for (const edit of [
      () => renameCluster(doc, id, 'Nytt namn 🌱'),
      () => recolourCluster(doc, id, 'green'),
      () => setClusterCollapsed(doc, id, true),
      () => resizeCluster(doc, id, 120, 20_000),
    ]) {
      expect(countEvents(doc, edit).updates).toBe(1)
    }
    expect(cluster(doc, id)).toEqual({
      ...before,
      name: 'Nytt namn 🌱',
      colour: 'green',
      collapsed: true,
      width: 120,
      height: 20_000,
    })
    renameCluster(doc, id, 'x\uD800')
    expect(cluster(doc, id)?.name).toBe('x\uFFFD')
    setClusterCollapsed(doc, id, 'yes' as unknown as boolean)
    expect(cluster(doc, id)?.collapsed).toBe(false)
  })

  it('[CL10] edits refuse unknown or malformed ids and bad values', () => {
    const { doc } = seededDoc(0)
    const id = createCluster(doc, { name: 'C' })
    expectRejected(doc, 'cluster-not-found', () => renameCluster(doc, UNKNOWN, 'x'))
    expectRejected(doc, 'cluster-not-found', () => recolourCluster(doc, UNKNOWN, 'blue'))
    expectRejected(doc, 'cluster-not-found', () => setClusterCollapsed(doc, UNKNOWN, true))
    expectRejected(doc, 'cluster-not-found', () => resizeCluster(doc, UNKNOWN, 200, 200))
    expectRejected(doc, 'invalid-id', () => renameCluster(doc, 'no', 'x'))
    expectRejected(doc, 'invalid-text', () => renameCluster(doc, id, 'x'.repeat(MAX_CLUSTER_NAME_LENGTH + 1)))
    expectRejected(doc, 'invalid-text', () => renameCluster(doc, id, null as unknown as string))
    expectRejected(doc, 'invalid-colour', () => recolourCluster(doc, id, 'teal' as NoteColour))
    expectRejected(doc, 'invalid-size', () => resizeCluster(doc, id, 119, 200))
    expectRejected(doc, 'invalid-size', () => resizeCluster(doc, id, 200, Number.NaN))
  })
})

describe('membership', () => {
  it('[CL4] assignToCluster moves notes between clusters and out with null, in one transaction each', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const one = createCluster(doc, { name: 'One', noteIds: [a] })
    const two = createCluster(doc, { name: 'Two' })
    expect(countEvents(doc, () => assignToCluster(doc, [a, b, b], two)).updates).toBe(1)
    expect([clusterOf(doc, a), clusterOf(doc, b), clusterOf(doc, c)]).toEqual([two, two, null])
    expect(clusterNoteIds(doc, one)).toEqual([])
    const members = clusterMembers(doc)
    expect([...members.keys()].sort()).toEqual([one, two].sort())
    expect(members.get(one)).toEqual([])
    expect(members.get(two)?.sort()).toEqual([a, b].sort())
    assignToCluster(doc, [a], null)
    expect(clusterOf(doc, a)).toBeNull()
    expect(noteEntry(doc, a)?.has('clusterId')).toBe(false)
    expect(countEvents(doc, () => assignToCluster(doc, [], two)).updates).toBe(0)
  })

  it('[CL4] a note assigned to two clusters at once ends in exactly one, the same on every peer', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    const red = createCluster(doc, { id: 'cluster-red', name: 'Red' })
    const blue = createCluster(doc, { id: 'cluster-blue', name: 'Blue' })
    const peer = peerOf(doc, 2)
    assignToCluster(doc, [note], red)
    assignToCluster(peer, [note], blue)
    sync(doc, peer)
    sync(peer, doc)
    const winner = clusterOf(doc, note)
    expect([red, blue]).toContain(winner)
    expect(clusterOf(peer, note)).toBe(winner)
    for (const d of [doc, peer]) {
      expect([...clusterNoteIds(d, red), ...clusterNoteIds(d, blue)]).toEqual([note])
    }
  })

  it('[CL5] a clusterId naming a deleted cluster reads as none', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    const id = createCluster(doc, { id: 'cluster-gone', name: 'Gone' })
    const peer = peerOf(doc, 2)
    deleteCluster(doc, id)
    assignToCluster(peer, [note], id)
    sync(doc, peer)
    sync(peer, doc)
    for (const d of [doc, peer]) {
      expect(readNote(d, note)?.clusterId).toBe(id)
      expect(listClusters(d)).toEqual([])
      expect(clusterNoteIds(d, id)).toEqual([])
      expect(clusterMembers(d).size).toBe(0)
    }
    expectRejected(doc, 'cluster-not-found', () => assignToCluster(doc, [note], id))
  })

  it('[CL5] addNote stores a well-formed clusterId as given and refuses a malformed one', () => {
    const { doc } = seededDoc(0)
    const id = createCluster(doc, { name: 'C' })
    const inside = add(doc, { clusterId: id })
    expect(clusterNoteIds(doc, id)).toEqual([inside])
    expect(readNote(doc, add(doc, { clusterId: null }))?.clusterId).toBeNull()
    expectRejected(doc, 'invalid-id', () => add(doc, { clusterId: 'bad' }))
  })

  it('[CL10] assignToCluster refuses unknown clusters and notes, all or nothing', () => {
    const { doc, ids } = seededDoc(2)
    const id = createCluster(doc, { name: 'C' })
    expectRejected(doc, 'cluster-not-found', () => assignToCluster(doc, ids, UNKNOWN))
    expectRejected(doc, 'invalid-id', () => assignToCluster(doc, ids, 'x'))
    expectRejected(doc, 'note-not-found', () => assignToCluster(doc, [...ids, 'note-9999'], id))
    expectRejected(doc, 'note-not-found', () => assignToCluster(doc, ['note-9999'], null))
    expectRejected(doc, 'invalid-id', () => assignToCluster(doc, [...ids, '!'], id))
  })
})

describe('moving, merging and deleting clusters', () => {
  it('[CL6] moveCluster moves the cluster and its notes, and nothing else, in one transaction', () => {
    const { doc } = seededDoc(0)
    const a = add(doc, { id: 'note-aaaa', x: 100, y: 100 })
    const b = add(doc, { id: 'note-bbbb', x: 300, y: 100 })
    const other = add(doc, { id: 'note-cccc', x: 5, y: 5 })
    const id = createCluster(doc, { name: 'C', noteIds: [a, b] })
    const before = cluster(doc, id)
    expect(countEvents(doc, () => moveCluster(doc, id, 10, -20.5)).updates).toBe(1)
    expect(cluster(doc, id)).toMatchObject({ x: (before?.x ?? 0) + 10, y: (before?.y ?? 0) - 20.5 })
    expect([readNote(doc, a), readNote(doc, b)].map((n) => [n?.x, n?.y])).toEqual([
      [110, 79.5],
      [310, 79.5],
    ])
    expect(readNote(doc, other)).toMatchObject({ x: 5, y: 5 })
  })

  it('[CL6][CL10] moveCluster refuses bad offsets and moves nothing if any member would leave the board', () => {
    const { doc } = seededDoc(0)
    const edge = add(doc, { id: 'note-edge', x: MAX_COORDINATE - 10, y: 0 })
    const id = createCluster(doc, { name: 'C', noteIds: [edge], x: 0, y: 0 })
    expectRejected(doc, 'invalid-number', () => moveCluster(doc, id, 11, 0))
    expectRejected(doc, 'invalid-number', () => moveCluster(doc, id, Number.NaN, 0))
    expectRejected(doc, 'invalid-number', () => moveCluster(doc, id, 0, MAX_COORDINATE + 1))
    expectRejected(doc, 'cluster-not-found', () => moveCluster(doc, UNKNOWN, 1, 1))
    moveCluster(doc, id, 10, 0)
    expect(readNote(doc, edge)?.x).toBe(MAX_COORDINATE)
  })

  it('[CL7] mergeClusters moves the source notes into the target and removes the source', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const target = createCluster(doc, { name: 'Target', noteIds: [a], x: 1, y: 2, width: 300, height: 300 })
    const source = createCluster(doc, { name: 'Source', noteIds: [b, c] })
    const before = cluster(doc, target)
    expect(countEvents(doc, () => mergeClusters(doc, target, source)).updates).toBe(1)
    expect(listClusters(doc)).toEqual([before])
    expect(clusterNoteIds(doc, target).sort()).toEqual([a, b, c].sort())
  })

  it('[CL10] mergeClusters refuses unknown clusters and a merge into itself', () => {
    const { doc } = seededDoc(1)
    const id = createCluster(doc, { name: 'C', noteIds: ['note-0001'] })
    expectRejected(doc, 'invalid-id', () => mergeClusters(doc, id, id))
    expectRejected(doc, 'cluster-not-found', () => mergeClusters(doc, id, UNKNOWN))
    expectRejected(doc, 'cluster-not-found', () => mergeClusters(doc, UNKNOWN, id))
    expectRejected(doc, 'cluster-not-found', () => mergeClusters(doc, UNKNOWN, UNKNOWN))
  })

  it('[CL8] deleteCluster keeps its notes, outside any cluster, and leaves other clusters alone', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const gone = createCluster(doc, { name: 'Gone', noteIds: [a, b] })
    const kept = createCluster(doc, { name: 'Kept', noteIds: [c] })
    const notesBefore = listNotes(doc)
    expect(countEvents(doc, () => deleteCluster(doc, gone)).updates).toBe(1)
    expect(listClusters(doc).map((x) => x.id)).toEqual([kept])
    expect(listNotes(doc)).toEqual(notesBefore.map((n) => (n.id === c ? n : { ...n, clusterId: null })))
    expect(noteEntry(doc, a)?.has('clusterId')).toBe(false)
    expectRejected(doc, 'cluster-not-found', () => deleteCluster(doc, gone))
    expectRejected(doc, 'invalid-id', () => deleteCluster(doc, ''))
  })
})

describe('reading clusters', () => {
  it('[CL9] listClusters is bottom-first by order, ties (concurrent creation) broken by id', () => {
    const { doc } = seededDoc(0)
    const peer = peerOf(doc, 2)
    createCluster(doc, { id: 'cluster-zz', name: 'Z' })
    createCluster(peer, { id: 'cluster-aa', name: 'A' })
    sync(doc, peer)
    sync(peer, doc)
    expect(listClusters(doc).map((c) => c.id)).toEqual(['cluster-aa', 'cluster-zz'])
    expect(listClusters(peer)).toEqual(listClusters(doc))
  })

  it('[CL9][D3] snapshotCluster tolerates missing and mistyped fields', () => {
    const map = new Y.Map<unknown>()
    new Y.Doc().getMap('x').set('c', map)
    map.set('name', 'plain string')
    map.set('x', Number.NaN)
    map.set('colour', '#123456')
    map.set('collapsed', 1)
    expect(snapshotCluster('cluster-1', map)).toEqual({
      id: 'cluster-1',
      name: '',
      x: 0,
      y: 0,
      width: 120,
      height: 120,
      colour: 'yellow',
      collapsed: false,
      order: '',
    })
  })

  it('[CL9] a note added with a clusterId is a member; notes in no cluster are not', () => {
    const { doc } = seededDoc(0)
    const id = createCluster(doc, { name: 'C' })
    const inside = addNote(doc, { x: 0, y: 0, clusterId: id, now: 1 })
    addNote(doc, { x: 0, y: 0, now: 1 })
    expect(clusterNoteIds(doc, id)).toEqual([inside])
  })
})

describe('renaming concurrently', () => {
  it('[CL3] two peers renaming different parts of a name keep both edits, not two names joined', () => {
    const a = new Y.Doc()
    const id = createCluster(a, { name: 'Trafik i centrum' })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    renameCluster(a, id, 'Trafik och parkering i centrum')
    renameCluster(b, id, 'Trafik i centrum 2030')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(listClusters(a)[0]?.name).toBe('Trafik och parkering i centrum 2030')
    expect(listClusters(b)[0]?.name).toBe(listClusters(a)[0]?.name)
  })
})

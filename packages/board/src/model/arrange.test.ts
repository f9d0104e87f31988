import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { arrangeClusters, makeRoom, settleNotes, tidyUp } from './arrange.js'
import { createCluster, listClusters, moveCluster, setClusterCollapsed } from './cluster.js'
import { frameRoom } from './frame-layout.js'
import { initBoard } from './meta.js'
import { addNote, listNotes, moveNotes, readNote } from './note.js'
import { type Box, boxesOverlap } from './placement.js'
import { countEvents, newDoc, playRounds, sync } from './test-support.js'

const extentOf = frameRoom

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

/** What "tidy" means: no two notes or groups overlap, each group holds its notes, no loose note lies under a group. */
function problems(doc: Y.Doc): string[] {
  const clusters = listClusters(doc)
  const byId = new Map(clusters.map((c) => [c.id, c]))
  const notes = listNotes(doc)
  const found: string[] = []
  notes.forEach((a, i) => {
    for (const b of notes.slice(i + 1)) if (boxesOverlap(a, b)) found.push(`notes ${a.id} and ${b.id} overlap`)
    const group = a.clusterId ? byId.get(a.clusterId) : undefined
    if (group && !inside(a, group)) found.push(`${a.id} lies outside its group ${group.id}`)
    if (!group) for (const c of clusters) if (boxesOverlap(a, extentOf(c))) found.push(`loose ${a.id} under ${c.id}`)
  })
  clusters.forEach((a, i) => {
    for (const b of clusters.slice(i + 1)) {
      if (boxesOverlap(extentOf(a), extentOf(b))) found.push(`groups ${a.id} and ${b.id} overlap`)
    }
  })
  return found
}

function board(): Y.Doc {
  const doc = newDoc(1)
  initBoard(doc, { title: 'Ramar', now: 1 })
  return doc
}

const at = (doc: Y.Doc, id: string, x: number, y: number) => addNote(doc, { id, x, y, now: 1 })

describe('groups as frames', () => {
  it('[AR1] a note dropped inside a frame joins the group, laid out in its grid; dropped outside, it leaves', () => {
    const doc = board()
    const group = createCluster(doc, { id: 'group-a1', name: 'A', x: 0, y: 0, width: 400, height: 300 })
    at(doc, 'note-0001', 1000, 0)
    moveNotes(doc, ['note-0001'], -900, 50)
    settleNotes(doc, ['note-0001'], { join: true })
    expect(readNote(doc, 'note-0001')).toMatchObject({ clusterId: group, x: 24, y: 72 })
    expect(problems(doc)).toEqual([])

    moveNotes(doc, ['note-0001'], 2000, 0)
    settleNotes(doc, ['note-0001'], { join: true })
    expect(readNote(doc, 'note-0001')?.clusterId).toBeNull()
    expect(problems(doc)).toEqual([])
  })

  it('[AR2] a group grows and shrinks with its notes, in a grid', () => {
    const doc = board()
    createCluster(doc, { id: 'group-a1', name: 'A', x: 0, y: 0 })
    const ids = ['note-0001', 'note-0002', 'note-0003', 'note-0004', 'note-0005']
    for (const id of ids) at(doc, id, 100, 100)
    settleNotes(doc, ids, { join: true })
    const five = listClusters(doc)[0]
    // Three columns of 160 with gaps of 16, padding 24 around and the 48 header.
    expect(five).toMatchObject({ width: 3 * 160 + 2 * 16 + 48, height: 2 * 160 + 16 + 48 + 48 })
    moveNotes(doc, ids.slice(1), 3000, 0)
    settleNotes(doc, ids.slice(1), { join: true })
    // One note: as wide as the header needs (320), as high as the note, padding and header.
    expect(listClusters(doc)[0]).toMatchObject({ width: 320, height: 160 + 48 + 48 })
    expect(problems(doc)).toEqual([])
  })

  it('[AR3] a growing group moves its neighbours aside instead of covering them', () => {
    const doc = board()
    createCluster(doc, { id: 'group-a1', name: 'A', x: 0, y: 0 })
    createCluster(doc, { id: 'group-b1', name: 'B', x: 420, y: 0 })
    at(doc, 'note-0009', 440, 80)
    settleNotes(doc, ['note-0009'], { join: true })
    const ids = Array.from({ length: 9 }, (_, i) => at(doc, `note-000${i}x`, 50, 80))
    const { updates } = countEvents(doc, () => settleNotes(doc, ids, { join: true }))
    expect(updates).toBe(1)
    expect(readNote(doc, 'note-0009')?.clusterId).toBe('group-b1')
    expect(problems(doc)).toEqual([])
  })

  it('[AR4] without the right to group, a group’s note goes back into its grid and a loose one out from under a frame', () => {
    const doc = board()
    createCluster(doc, { id: 'group-a1', name: 'A', x: 0, y: 0 })
    at(doc, 'note-0001', 1000, 0)
    at(doc, 'note-0002', 60, 60)
    settleNotes(doc, ['note-0002'], { join: true })
    moveNotes(doc, ['note-0001'], -950, 60)
    moveNotes(doc, ['note-0002'], 900, 0)
    settleNotes(doc, ['note-0001', 'note-0002'], { join: false })
    expect(readNote(doc, 'note-0001')?.clusterId).toBeNull()
    expect(readNote(doc, 'note-0002')).toMatchObject({ clusterId: 'group-a1', x: 24, y: 72 })
    expect(problems(doc)).toEqual([])
  })

  it('[AR5] grouping scattered notes gathers them into the new group, placed where it covers nothing', () => {
    const doc = board()
    createCluster(doc, { id: 'group-a1', name: 'A', x: 300, y: 300 })
    at(doc, 'note-0001', 0, 0)
    at(doc, 'note-0002', 900, 900)
    at(doc, 'note-0003', 400, 420)
    at(doc, 'note-0004', 200, 600)
    settleNotes(doc, ['note-0003'], { join: true })
    const id = createCluster(doc, { id: 'group-b1', name: 'B', noteIds: ['note-0001', 'note-0002', 'note-0004'] })
    arrangeClusters(doc, [id], 'place')
    expect(listNotes(doc).filter((n) => n.clusterId === id)).toHaveLength(3)
    expect(problems(doc)).toEqual([])
  })
})

const boardArb = fc.record({
  notes: fc.array(
    fc.record({
      x: fc.integer({ min: -1500, max: 1500 }),
      y: fc.integer({ min: -1500, max: 1500 }),
      width: fc.integer({ min: 60, max: 400 }),
      height: fc.integer({ min: 60, max: 400 }),
      group: fc.option(fc.nat(4)),
    }),
    { maxLength: 40 },
  ),
  groups: fc.array(
    fc.record({
      x: fc.integer({ min: -1500, max: 1500 }),
      y: fc.integer({ min: -1500, max: 1500 }),
      width: fc.integer({ min: 120, max: 900 }),
      height: fc.integer({ min: 120, max: 900 }),
      collapsed: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  picked: fc.array(fc.nat(39), { maxLength: 15 }),
})

type BoardSpec = typeof boardArb extends fc.Arbitrary<infer T> ? T : never

function messyBoard(spec: BoardSpec): { doc: Y.Doc; noteIds: string[]; groupIds: string[] } {
  const doc = board()
  const groupIds = spec.groups.map((g, i) => createCluster(doc, { id: `group-${i}xxxx`, name: `G${i}`, ...g }))
  const noteIds = spec.notes.map(({ group, ...n }, i) => {
    const clusterId = group === null ? null : (groupIds[group % Math.max(groupIds.length, 1)] ?? null)
    return addNote(doc, { id: `note-${i}xxxxx`, ...n, clusterId, now: 1 })
  })
  return { doc, noteIds, groupIds }
}

describe('tidy up', () => {
  it('[AR6] the whole board: no two notes or groups overlap, every group holds its notes, in one update', () => {
    fc.assert(
      fc.property(boardArb, (spec) => {
        const { doc } = messyBoard(spec)
        const { updates } = countEvents(doc, () => tidyUp(doc, 'board'))
        expect(updates).toBeLessThanOrEqual(1)
        expect(problems(doc)).toEqual([])
        // Tidy again: nothing left to change, nothing sent.
        expect(countEvents(doc, () => tidyUp(doc, 'board')).updates).toBe(0)
      }),
      {
        numRuns: 150,
        // Short notes in one row: read again as one row, they were laid out anew each time.
        examples: [
          [
            {
              notes: [60, 130, 66].map((width) => ({ x: 0, y: 0, width, height: 60, group: null })),
              groups: [],
              picked: [],
            },
          ],
        ],
      },
    )
  })

  it('[AR7] tidying a moved selection or a moved group leaves the board tidy', () => {
    fc.assert(
      fc.property(boardArb, fc.nat(4), (spec, group) => {
        const { doc, noteIds, groupIds } = messyBoard(spec)
        tidyUp(doc, 'board')
        const picked = spec.picked.flatMap((i) => noteIds[i] ?? [])
        for (const id of picked) moveNotes(doc, [id], 37, -23)
        tidyUp(doc, { noteIds: picked })
        expect(problems(doc)).toEqual([])
        const id = groupIds[group]
        if (id) {
          moveCluster(doc, id, 150, 150)
          tidyUp(doc, { clusterId: id })
          expect(problems(doc)).toEqual([])
        }
      }),
      {
        numRuns: 100,
        examples: [
          [
            {
              notes: [
                { x: 0, y: 0, width: 60, height: 60, group: 0 },
                { x: 0, y: 0, width: 60, height: 60, group: 0 },
                { x: 0, y: 0, width: 100, height: 60, group: 0 },
                { x: 0, y: 0, width: 60, height: 60, group: 1 },
                { x: 0, y: -1, width: 100, height: 83, group: 0 },
                { x: 0, y: -510, width: 73, height: 60, group: 0 },
                { x: 0, y: 0, width: 60, height: 68, group: null },
              ],
              groups: [
                { x: 0, y: 0, width: 120, height: 120, collapsed: false },
                { x: 0, y: 0, width: 120, height: 120, collapsed: false },
              ],
              picked: [4, 0, 0, 3],
            },
            0,
          ],
        ],
      },
    )
  })

  it('[AR8] a group opened again moves its neighbours aside', () => {
    const doc = board()
    createCluster(doc, { id: 'group-a1', name: 'A', x: 0, y: 0 })
    const ids = Array.from({ length: 6 }, (_, i) => at(doc, `note-000${i}x`, 50, 80))
    settleNotes(doc, ids, { join: true })
    setClusterCollapsed(doc, 'group-a1', true)
    createCluster(doc, { id: 'group-b1', name: 'B', x: 300, y: 0 })
    setClusterCollapsed(doc, 'group-a1', false)
    arrangeClusters(doc, ['group-a1'], 'push')
    expect(problems(doc)).toEqual([])
  })
})

type Op = { kind: 'drop'; note: number; x: number; y: number } | { kind: 'tidy' } | { kind: 'tidyGroup'; group: number }
const NOTE_IDS = Array.from({ length: 6 }, (_, i) => `note-${i}xxxxx`)
const GROUP_IDS = ['group-a1', 'group-b1', 'group-c1']
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('drop' as const),
      note: fc.nat(5),
      x: fc.integer({ min: -200, max: 1800 }),
      y: fc.integer({ min: -200, max: 900 }),
    }),
    weight: 5,
  },
  fc.record({ kind: fc.constant('tidy' as const) }),
  fc.record({ kind: fc.constant('tidyGroup' as const), group: fc.nat(2) }),
)

function play(doc: Y.Doc, op: Op): void {
  if (op.kind === 'tidy') {
    tidyUp(doc, 'board')
  } else if (op.kind === 'tidyGroup') {
    tidyUp(doc, { clusterId: GROUP_IDS[op.group] ?? '' })
  } else {
    const id = NOTE_IDS[op.note] ?? ''
    const note = readNote(doc, id)
    if (!note) return
    moveNotes(doc, [id], op.x - note.x, op.y - note.y)
    settleNotes(doc, [id], { join: true })
  }
}

describe('concurrent moves', () => {
  it('[AR9][C1] peers dropping notes in and out of groups at once converge, each note in one group or none; a tidy-up then holds everywhere', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ops: fc.tuple(...[0, 1, 2].map(() => fc.array(opArb, { maxLength: 5 }))),
            deliveries: fc.array(fc.record({ to: fc.nat(2), pick: fc.nat() }), { maxLength: 8 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.gen(),
        (rounds, g) => {
          const origin = board()
          GROUP_IDS.forEach((id, i) => {
            createCluster(origin, { id, name: id, x: i * 600, y: 0 })
          })
          NOTE_IDS.forEach((id, i) => {
            at(origin, id, i * 200, 700)
          })
          const docs = playRounds(g, Y.encodeStateAsUpdate(origin), rounds, (doc, op) => play(doc, op), 2)
          const [first, ...others] = docs
          if (!first) return
          const state = (doc: Y.Doc) => [listNotes(doc), listClusters(doc)]
          for (const doc of others) expect(state(doc)).toEqual(state(first))
          for (const note of listNotes(first)) {
            expect(note.clusterId === null || GROUP_IDS.includes(note.clusterId)).toBe(true)
          }
          tidyUp(first, 'board')
          for (const doc of others) sync(first, doc)
          for (const doc of docs) expect(problems(doc)).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)

  it('[AR10] notes revealed by two people onto the same spot: each moves only its own, the higher one, and none overlap', () => {
    const a = board()
    const b = newDoc(2)
    sync(a, b)
    const mine = Array.from({ length: 5 }, (_, i) => addNote(a, { id: `mine-${i}xxxx`, x: i * 176, y: 0, now: 1 }))
    const theirs = Array.from({ length: 5 }, (_, i) => addNote(b, { id: `their-${i}xxx`, x: i * 176, y: 0, now: 1 }))
    sync(a, b)
    sync(b, a)
    const movedA = makeRoom(a, mine)
    const movedB = makeRoom(b, theirs)
    // Exactly one note of each overlapping pair gives way.
    expect(movedA + movedB).toBe(5)
    sync(a, b)
    sync(b, a)
    expect(a.toJSON()).toEqual(b.toJSON())
    expect(problems(a)).toEqual([])
  })
})

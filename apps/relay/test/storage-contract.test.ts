/**
 * The storage contract ([RS1]–[RS15], [RS20]): one suite run against SQLite (a temp dir per test) and
 * PostgreSQL (a fresh database per run); what only PostgreSQL promises, two relays sharing one
 * database, is in storage-postgres.test.ts. Docs are real Yjs docs: what is stored must rebuild them.
 * An unreachable PostgreSQL fails these tests (test/postgres-database.ts).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openPostgresStorage } from '../src/storage/postgres.js'
import { openSqliteStorage } from '../src/storage/sqlite.js'
import type { DocRef, Storage } from '../src/storage/storage.js'
import { createTestDatabase, type TestDatabase } from './postgres-database.js'
import {
  appendAll,
  createBoard,
  expectIncreasing,
  INITIAL,
  itemsOf,
  newBoardId,
  numeric,
  range,
  stateOf,
  Writer,
} from './storage-fixtures.js'

/** The contract every storage keeps, run on a storage from `open` per test. */
function storageContract(name: string, open: () => Promise<Storage>): void {
  describe(name, () => {
    let storage: Storage
    beforeEach(async () => {
      storage = await open()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[RS1] a created board is read back with generation 1 for every role; its board doc is the initial state', async () => {
      const state = stateOf(['first note'])
      const id = await createBoard(storage, { createdAt: 1_700_000_000_123, state })
      expect(await storage.getBoard(id)).toEqual({
        id,
        title: `Board ${id}`,
        createdAt: 1_700_000_000_123,
        generations: { facilitator: 1, participant: 1, viewer: 1 },
      })
      expect(await storage.loadDoc({ boardId: id, kind: 'board' })).toEqual({
        snapshot: state,
        updates: [],
        lastSeq: 0,
      })
      expect(await storage.loadDoc({ boardId: id, kind: 'control' })).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: 0,
      })
      expect(await storage.getBoard(newBoardId())).toBeUndefined()
    })

    it("[RS2] rotating a link bumps that role's generation only; an unknown board's rejects", async () => {
      const id = await createBoard(storage)
      expect(await storage.rotateLink(id, 'participant')).toBe(2)
      expect(await storage.rotateLink(id, 'participant')).toBe(3)
      expect(await storage.rotateLink(id, 'viewer')).toBe(2)
      expect((await storage.getBoard(id))?.generations).toEqual({ facilitator: 1, participant: 3, viewer: 2 })
      await expect(storage.rotateLink(newBoardId(), 'facilitator')).rejects.toThrow()
    })

    it('[RS3] a board has one join code until its participant link is rotated; a code another board holds is drawn again', async () => {
      const a = await createBoard(storage)
      const b = await createBoard(storage)
      const codeA = `A-${randomBytes(4).toString('hex')}`
      const codeB = `B-${randomBytes(4).toString('hex')}`
      expect(await storage.joinCode(a, () => codeA)).toBe(codeA)
      expect(await storage.joinCode(a, () => 'never-drawn')).toBe(codeA)
      const draws = [codeA, codeB]
      expect(await storage.joinCode(b, () => draws.shift() as string)).toBe(codeB)
      expect(await storage.boardOfJoinCode(codeA)).toBe(a)
      expect(await storage.boardOfJoinCode(codeB)).toBe(b)
      expect(await storage.boardOfJoinCode('nowhere')).toBeUndefined()

      await storage.rotateLink(a, 'facilitator')
      await storage.rotateLink(a, 'viewer')
      expect(await storage.boardOfJoinCode(codeA)).toBe(a)
      await storage.rotateLink(a, 'participant')
      expect(await storage.boardOfJoinCode(codeA)).toBeUndefined()
      const renewed = `C-${randomBytes(4).toString('hex')}`
      expect(await storage.joinCode(a, () => renewed)).toBe(renewed)
      expect(await storage.boardOfJoinCode(codeB)).toBe(b)
    })

    it('[RS4] erasing a board erases its row, both docs, history, ballots and join code; other boards stay', async () => {
      const erased = await createBoard(storage, { ballots: new Map([['voter', new Map([['note', 2]])]]) })
      const kept = await createBoard(storage, { ballots: new Map([['voter', new Map([['note', 1]])]]) })
      for (const id of [erased, kept]) {
        await storage.appendUpdate({ boardId: id, kind: 'board' }, new Writer(INITIAL).add('x')[0] as Uint8Array)
        const control: DocRef = { boardId: id, kind: 'control' }
        await storage.compact(control, stateOf(['y']), await storage.appendUpdate(control, stateOf(['y'])))
        await storage.addHistory(id, stateOf(['h']), 'manual', 1000, 0)
        await storage.joinCode(id, () => `${id}-code`)
      }
      const historyId = (await storage.listHistory(erased))[0]?.id as number

      await storage.deleteBoard(erased)
      expect(await storage.getBoard(erased)).toBeUndefined()
      for (const kind of ['board', 'control'] as const) {
        expect(await storage.loadDoc({ boardId: erased, kind })).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
        expect(await storage.updatesAfter({ boardId: erased, kind }, 0)).toEqual([])
      }
      expect(await storage.listHistory(erased)).toEqual([])
      expect(await storage.getHistory(erased, historyId)).toBeUndefined()
      expect((await storage.loadBallots(erased)).size).toBe(0)
      expect(await storage.keepsBallots(erased)).toBe(false)
      expect(await storage.boardOfJoinCode(`${erased}-code`)).toBeUndefined()
      // Nothing can be stored for it any more.
      await expect(storage.appendUpdate({ boardId: erased, kind: 'board' }, stateOf(['late']))).rejects.toThrow()

      expect(await storage.getBoard(kept)).toBeDefined()
      expect(itemsOf(await storage.loadDoc({ boardId: kept, kind: 'board' }))).toEqual(['initial', 'x'])
      expect(itemsOf(await storage.loadDoc({ boardId: kept, kind: 'control' }))).toEqual(['y'])
      expect(await storage.listHistory(kept)).toHaveLength(1)
      expect(await storage.loadBallots(kept)).toEqual(new Map([['voter', new Map([['note', 1]])]]))
      expect(await storage.boardOfJoinCode(`${kept}-code`)).toBe(kept)
    })

    it('[RS5] appends take increasing sequence numbers per doc; snapshot and updates rebuild the doc; the sequence goes on after a compaction', async () => {
      const id = await createBoard(storage)
      const board: DocRef = { boardId: id, kind: 'board' }
      const control: DocRef = { boardId: id, kind: 'control' }
      const boardWriter = new Writer(INITIAL)
      const controlWriter = new Writer()
      const boardSeqs: number[] = []
      const controlSeqs: number[] = []
      const boardUpdates = boardWriter.add(...range('b', 6))
      const controlUpdates = controlWriter.add(...range('c', 3))
      for (const [i, update] of boardUpdates.entries()) {
        boardSeqs.push(await storage.appendUpdate(board, update))
        const controlUpdate = controlUpdates[i]
        if (controlUpdate) controlSeqs.push(await storage.appendUpdate(control, controlUpdate))
      }
      expectIncreasing(boardSeqs)
      expectIncreasing(controlSeqs)

      const loaded = await storage.loadDoc(board)
      expect(loaded.snapshot).toEqual(INITIAL)
      expect(loaded.updates).toEqual(boardUpdates)
      expect(loaded.lastSeq).toBe(boardSeqs.at(-1))
      expect(itemsOf(loaded)).toEqual(['initial', ...range('b', 6)])
      const loadedControl = await storage.loadDoc(control)
      expect(loadedControl.snapshot).toBeNull()
      expect(loadedControl.lastSeq).toBe(controlSeqs.at(-1))
      expect(itemsOf(loadedControl)).toEqual(range('c', 3))

      const through = boardSeqs.at(-1) as number
      expect(await storage.compact(board, boardWriter.state, through)).toBe(true)
      const compacted = await storage.loadDoc(board)
      expect(compacted).toEqual({ snapshot: boardWriter.state, updates: [], lastSeq: through })
      expect(itemsOf(compacted)).toEqual(['initial', ...range('b', 6)])

      const next = await storage.appendUpdate(board, boardWriter.add('after')[0] as Uint8Array)
      expect(next).toBeGreaterThan(through)
      const reloaded = await storage.loadDoc(board)
      expect(reloaded.lastSeq).toBe(next)
      expect(itemsOf(reloaded)).toEqual(['initial', ...range('b', 6), 'after'])
    })

    it("[RS6] updatesAfter gives the doc's updates above a sequence number, in order, with their numbers", async () => {
      const id = await createBoard(storage)
      const other = await createBoard(storage)
      const doc: DocRef = { boardId: id, kind: 'board' }
      const writer = new Writer()
      const updates = writer.add(...range('u', 5))
      const seqs = await appendAll(storage, doc, updates)
      await storage.appendUpdate({ boardId: id, kind: 'control' }, stateOf(['control']))
      await storage.appendUpdate({ boardId: other, kind: 'board' }, stateOf(['other']))

      const after = (i: number) => updates.slice(i + 1).map((update, j) => ({ seq: seqs[i + 1 + j], update }))
      expect(await storage.updatesAfter(doc, 0)).toEqual(after(-1))
      expect(await storage.updatesAfter(doc, seqs[1] as number)).toEqual(after(1))
      expect(await storage.updatesAfter(doc, seqs[4] as number)).toEqual([])

      await storage.compact(doc, stateOf(range('u', 3)), seqs[2] as number)
      expect(await storage.updatesAfter(doc, 0)).toEqual(after(2))
    })

    it('[RS7] a compaction racing appends drops only the updates through its sequence number: the doc keeps every update', async () => {
      const id = await createBoard(storage)
      const doc: DocRef = { boardId: id, kind: 'board' }
      const writer = new Writer(INITIAL)
      const seqs = await appendAll(storage, doc, writer.add(...range('before', 5)))
      const through = seqs.at(-1) as number
      const state = writer.state
      const racing = writer.add(...range('racing', 20))

      const [compacted, ...appended] = await Promise.all([
        storage.compact(doc, state, through),
        ...racing.map((update) => storage.appendUpdate(doc, update)),
      ])
      expect(compacted).toBe(true)
      expect(new Set(appended).size).toBe(20)
      const loaded = await storage.loadDoc(doc)
      expect(loaded.snapshot).toEqual(state)
      expect(itemsOf(loaded)).toEqual(['initial', ...range('before', 5), ...range('racing', 20)])
      expect((await storage.updatesAfter(doc, 0)).map((row) => row.seq)).toEqual(numeric(appended))
      expect(loaded.lastSeq).toBe(Math.max(...appended))
    })

    it('[RS8] an older compaction never overwrites a newer snapshot, nor drops what came after it', async () => {
      const id = await createBoard(storage)
      const doc: DocRef = { boardId: id, kind: 'board' }
      const writer = new Writer(INITIAL)
      const early = await appendAll(storage, doc, writer.add(...range('a', 5)))
      const earlyState = writer.state
      const late = await appendAll(storage, doc, writer.add(...range('a', 5, 5)))
      const lateState = writer.state

      expect(await storage.compact(doc, lateState, late.at(-1) as number)).toBe(true)
      const [after] = await appendAll(storage, doc, writer.add('after'))
      expect(await storage.compact(doc, earlyState, early.at(-1) as number)).toBe(true)

      const loaded = await storage.loadDoc(doc)
      expect(loaded.snapshot).toEqual(lateState)
      expect(loaded.lastSeq).toBe(after)
      expect(itemsOf(loaded)).toEqual(['initial', ...range('a', 10), 'after'])
    })

    it('[RS9] history snapshots are listed newest first, read back per board, and those older than keepAfter dropped', async () => {
      const id = await createBoard(storage)
      const other = await createBoard(storage)
      const first = stateOf(['first'])
      const second = stateOf(['first', 'second'])
      const firstId = await storage.addHistory(id, first, 'manual', 1_000, 0)
      const secondId = await storage.addHistory(id, second, 'before-import', 2_000, 0)
      expect(await storage.listHistory(id)).toEqual([
        { id: secondId, createdAt: 2_000, reason: 'before-import', bytes: second.length },
        { id: firstId, createdAt: 1_000, reason: 'manual', bytes: first.length },
      ])
      expect(await storage.getHistory(id, firstId)).toEqual(first)
      expect(await storage.getHistory(other, firstId)).toBeUndefined()
      expect(await storage.listHistory(other)).toEqual([])

      const thirdId = await storage.addHistory(id, stateOf(['third']), 'scheduled', 3_000, 1_500)
      expect((await storage.listHistory(id)).map((entry) => entry.id)).toEqual([thirdId, secondId])
      expect(await storage.getHistory(id, firstId)).toBeUndefined()
    })

    it('[RS10] a scheduled snapshot is kept only when none of the board was taken after takenAfter', async () => {
      const id = await createBoard(storage)
      const hour = 3_600_000
      const state = stateOf(['scheduled'])
      expect(await storage.addScheduledHistory(id, state, 10 * hour, 0, 9 * hour)).toBe(true)
      expect(await storage.addScheduledHistory(id, state, 10.5 * hour, 0, 9.5 * hour)).toBe(false)
      expect(await storage.listHistory(id)).toHaveLength(1)
      expect(await storage.addScheduledHistory(id, state, 11 * hour, 0, 10 * hour)).toBe(true)
      // A snapshot taken for another reason counts as taken too.
      await storage.addHistory(id, state, 'manual', 12 * hour, 0)
      expect(await storage.addScheduledHistory(id, state, 12.5 * hour, 0, 11.5 * hour)).toBe(false)
      // Kept like addHistory: older ones are dropped.
      expect(await storage.addScheduledHistory(id, state, 14 * hour, 11.5 * hour, 13 * hour)).toBe(true)
      const history = await storage.listHistory(id)
      expect(history.map((entry) => [entry.createdAt, entry.reason])).toEqual([
        [14 * hour, 'scheduled'],
        [12 * hour, 'manual'],
      ])
    })

    it("[RS11] dots are set per voter and note, read back per board, and 0 takes a note's dots away", async () => {
      const id = await createBoard(storage)
      const other = await createBoard(storage)
      await storage.setDots(id, 'ada', 'n1', 2)
      await storage.setDots(id, 'ada', 'n2', 1)
      await storage.setDots(id, 'bo', 'n1', 3)
      await storage.setDots(other, 'ada', 'n1', 1)
      await storage.setDots(id, 'ada', 'n1', 5)
      await storage.setDots(id, 'bo', 'n1', 0)
      expect(await storage.loadBallots(id)).toEqual(
        new Map([
          [
            'ada',
            new Map([
              ['n1', 5],
              ['n2', 1],
            ]),
          ],
        ]),
      )
      expect(await storage.loadBallots(other)).toEqual(new Map([['ada', new Map([['n1', 1]])]]))
    })

    it("[RS12] a created board's ballots are kept by storage; adopted ballots are added and the board keeps them", async () => {
      const imported = new Map([['ada', new Map([['n1', 2]])]])
      const id = await createBoard(storage, { ballots: imported })
      expect(await storage.keepsBallots(id)).toBe(true)
      expect(await storage.loadBallots(id)).toEqual(imported)
      expect(await storage.keepsBallots(newBoardId())).toBe(false)

      await storage.adoptBallots(
        id,
        new Map([
          ['bo', new Map([['n2', 1]])],
          ['ada', new Map([['n3', 4]])],
        ]),
      )
      expect(await storage.keepsBallots(id)).toBe(true)
      expect(await storage.loadBallots(id)).toEqual(
        new Map([
          [
            'ada',
            new Map([
              ['n1', 2],
              ['n3', 4],
            ]),
          ],
          ['bo', new Map([['n2', 1]])],
        ]),
      )
    })

    it('[RS13] untouchedSince lists boards with no change since a time, oldest first; an append touches its board', async () => {
      const touched = await createBoard(storage, { createdAt: 1_000 })
      const older = await createBoard(storage, { createdAt: 1_500 })
      const newer = await createBoard(storage, { createdAt: 2_000 })
      await createBoard(storage, { createdAt: 3_000 })
      await storage.appendUpdate({ boardId: touched, kind: 'control' }, stateOf(['touch']))
      expect(await storage.untouchedSince(2_500, 10)).toEqual([older, newer])
      expect(await storage.untouchedSince(2_500, 1)).toEqual([older])
      expect(await storage.untouchedSince(Date.now() - 60_000, 10)).not.toContain(touched)
    })

    it('[RS14] the probe write succeeds and the used space is counted', async () => {
      await storage.probe()
      await storage.probe()
      await createBoard(storage)
      expect(await storage.usedBytes()).toBeGreaterThan(0)
    })

    it('[RS20] the merge index names the merged boards made from a source, once each, until either board is erased', async () => {
      const [kiruna, umea, merged, other] = [
        await createBoard(storage),
        await createBoard(storage),
        await createBoard(storage),
        await createBoard(storage),
      ]
      await storage.recordMergeSources(merged, [kiruna, umea])
      await storage.recordMergeSources(merged, [kiruna])
      await storage.recordMergeSources(other, [kiruna])
      expect(await storage.mergedBoardsOf(kiruna)).toEqual([merged, other].sort())
      expect(await storage.mergedBoardsOf(umea)).toEqual([merged])
      expect(await storage.mergedBoardsOf(merged)).toEqual([])
      await storage.deleteBoard(other)
      expect(await storage.mergedBoardsOf(kiruna)).toEqual([merged])
      await storage.deleteBoard(kiruna)
      expect(await storage.mergedBoardsOf(kiruna)).toEqual([])
      expect(await storage.mergedBoardsOf(umea)).toEqual([merged])
    })
  })
}

const sqliteDirs: string[] = []
afterAll(() => {
  for (const dir of sqliteDirs) fs.rmSync(dir, { recursive: true, force: true })
})
function sqliteDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-storage-contract-'))
  sqliteDirs.push(dir)
  return dir
}

storageContract('SQLite', async () => openSqliteStorage(sqliteDir()))

describe('SQLite only', () => {
  it('[RS15] a database from before snapshots kept their sequence number gets one that the log bears out', async () => {
    const dir = sqliteDir()
    const before = openSqliteStorage(dir)
    const id = await createBoard(before)
    const board: DocRef = { boardId: id, kind: 'board' }
    const control: DocRef = { boardId: id, kind: 'control' }
    const controlSeqs = await appendAll(before, control, new Writer().add('c0', 'c1'))
    await before.compact(control, stateOf(['c0', 'c1']), controlSeqs.at(-1) as number)
    const boardSeqs = await appendAll(before, board, new Writer(INITIAL).add('b0', 'b1'))
    await before.close()
    const db = new Database(path.join(dir, 'samla.sqlite'))
    db.exec('ALTER TABLE snapshots DROP COLUMN through_seq')
    db.close()

    const after = openSqliteStorage(dir)
    try {
      expect((await after.loadDoc(board)).lastSeq).toBe(boardSeqs.at(-1))
      // Its log is empty: its snapshot holds every update of it the log ever numbered.
      expect((await after.loadDoc(control)).lastSeq).toBe(boardSeqs.at(-1))
      // So a compaction through an earlier update leaves it.
      await after.compact(control, stateOf(['stale']), controlSeqs.at(-1) as number)
      expect(itemsOf(await after.loadDoc(control))).toEqual(['c0', 'c1'])
      expect(itemsOf(await after.loadDoc(board))).toEqual(['initial', 'b0', 'b1'])
    } finally {
      await after.close()
    }
  })
})

describe('PostgreSQL', () => {
  // Made on first use rather than in beforeAll, so an unreachable server fails every test, not skips it.
  let database: Promise<TestDatabase> | undefined
  async function url(): Promise<string> {
    database ??= createTestDatabase()
    return (await database).url
  }
  afterAll(async () => {
    await database?.then(
      (made) => made.drop(),
      () => undefined,
    )
  })

  storageContract('contract', async () => openPostgresStorage(await url()))
})

/**
 * What only PostgreSQL promises ([RS16]–[RS19]): two relays sharing one database (two storages
 * opened on it) keep one commit order per doc, one compaction at a time, one scheduled snapshot, and
 * relays starting at once apply each migration once. An unreachable PostgreSQL fails these tests.
 */
import pg from 'pg'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openPostgresStorage } from '../src/storage/postgres.js'
import type { DocRef, Storage } from '../src/storage/storage.js'
import { createTestDatabase, type TestDatabase } from './postgres-database.js'
import { appendAll, createBoard, INITIAL, itemsOf, numeric, range, stateOf, Writer } from './storage-fixtures.js'

describe('PostgreSQL: two relays on one database', () => {
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

  describe('two relays on one database', () => {
    let a: Storage
    let b: Storage
    beforeEach(async () => {
      ;[a, b] = await Promise.all([openPostgresStorage(await url()), openPostgresStorage(await url())])
    })
    afterEach(async () => {
      await Promise.all([a.close(), b.close()])
    })

    it('[RS16] appends from both to the same docs give each doc one sequence 1..N, no number twice, continued after a compaction', async () => {
      const id = await createBoard(a)
      const docs: DocRef[] = [
        { boardId: id, kind: 'board' },
        { boardId: id, kind: 'control' },
      ]
      const writers = [new Writer(INITIAL), new Writer()]
      const updates = writers.map((writer, i) => writer.add(...range(`d${i}-`, 40)))
      const appends = updates.flatMap((doc, i) =>
        doc.map((update, j) => (j % 2 === 0 ? a : b).appendUpdate(docs[i] as DocRef, update)),
      )
      const seqs = await Promise.all(appends)
      const oneToForty = range('', 40, 1).map(Number)
      for (const [i, doc] of docs.entries()) {
        expect(numeric(seqs.slice(i * 40, i * 40 + 40))).toEqual(oneToForty)
        expect((await b.updatesAfter(doc, 0)).map((row) => row.seq)).toEqual(oneToForty)
        const loaded = await a.loadDoc(doc)
        expect(loaded.lastSeq).toBe(40)
        expect(itemsOf(loaded)).toEqual([...(i === 0 ? ['initial'] : []), ...range(`d${i}-`, 40)])
      }

      await a.compact(docs[0] as DocRef, (writers[0] as Writer).state, 40)
      expect(await b.appendUpdate(docs[0] as DocRef, (writers[0] as Writer).add('next')[0] as Uint8Array)).toBe(41)
    })

    it("[RS17] while one relay compacts a doc, the other's compaction of it resolves false and changes nothing; racing compactions lose no update", async () => {
      const id = await createBoard(a)
      const doc: DocRef = { boardId: id, kind: 'board' }
      const writer = new Writer(INITIAL)
      await appendAll(a, doc, writer.add(...range('x', 5)))
      const midState = writer.state
      await appendAll(b, doc, writer.add(...range('x', 5, 5)))

      // Hold the snapshot row, so a's compaction waits inside its transaction, holding its lock.
      const blocker = new pg.Client({ connectionString: await url() })
      await blocker.connect()
      try {
        await blocker.query('BEGIN')
        await blocker.query(`SELECT 1 FROM snapshots WHERE board_id = $1 AND kind = 'board' FOR UPDATE`, [id])
        const first = a.compact(doc, midState, 5)
        await waitForAdvisoryLock(blocker)
        expect(await b.compact(doc, writer.state, 10)).toBe(false)
        await blocker.query('COMMIT')
        expect(await first).toBe(true)
      } finally {
        await blocker.end()
      }
      const loaded = await b.loadDoc(doc)
      expect(loaded.snapshot).toEqual(midState)
      expect((await a.updatesAfter(doc, 0)).map((row) => row.seq)).toEqual([6, 7, 8, 9, 10])
      expect(itemsOf(loaded)).toEqual(['initial', ...range('x', 10)])

      for (let round = 0; round < 10; round++) {
        const through = (await a.loadDoc(doc)).lastSeq
        const state = writer.state
        const racing = writer.add(...range(`r${round}-`, 4))
        const [byA, byB] = await Promise.all([
          a.compact(doc, state, through),
          b.compact(doc, state, through),
          ...racing.map((update, i) => (i % 2 === 0 ? a : b).appendUpdate(doc, update)),
        ])
        expect([byA, byB]).toContain(true)
      }
      const final = await a.loadDoc(doc)
      expect(itemsOf(final)).toEqual(writer.doc.getArray<string>('items').toArray())
      expect(final.lastSeq).toBe(50)
    })

    it('[RS18] a scheduled snapshot asked for by both at once is kept once', async () => {
      for (let round = 0; round < 5; round++) {
        const id = await createBoard(a)
        const state = stateOf([`round ${round}`])
        const now = Date.now()
        const kept = await Promise.all([
          a.addScheduledHistory(id, state, now, 0, now - 60_000),
          b.addScheduledHistory(id, state, now, 0, now - 60_000),
        ])
        expect(kept.filter(Boolean)).toHaveLength(1)
        expect(await b.listHistory(id)).toHaveLength(1)
      }
    })
  })

  it('[RS19] relays starting at once on a new database apply each migration once, and all of them work', async () => {
    const fresh = await createTestDatabase()
    try {
      const storages = await Promise.all(range('', 4).map(() => openPostgresStorage(fresh.url)))
      const id = await createBoard(storages[0] as Storage)
      for (const storage of storages) expect(await storage.getBoard(id)).toBeDefined()
      await Promise.all(storages.map((storage) => storage.close()))
      await (await openPostgresStorage(fresh.url)).close()

      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      const { rows } = await client.query<{ versions: string; unique_versions: string }>(
        'SELECT count(*) AS versions, count(DISTINCT version) AS unique_versions FROM schema_migrations',
      )
      await client.end()
      expect(Number(rows[0]?.versions)).toBeGreaterThan(0)
      expect(rows[0]?.versions).toBe(rows[0]?.unique_versions)
    } finally {
      await fresh.drop()
    }
  })
})

/** Waits until a session of this database holds an advisory lock (a compaction inside its transaction). */
async function waitForAdvisoryLock(client: pg.Client): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )
    if (rows.length > 0) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the compaction never took its lock')
}

/**
 * PostgreSQL storage (node-postgres), for several relays sharing one database. The data model is
 * SQLite's (an append log of Yjs updates per doc plus a compacted snapshot); what several writers
 * need on top is here: each doc's updates take contiguous sequence numbers under a row lock, so every
 * relay sees one commit order; compactions and scheduled history snapshots of one board are
 * serialised by advisory locks; a doc is read in one statement, so a compaction committing meanwhile
 * can neither hide updates nor show them twice. Each method resolves once its transaction committed.
 */
import type { Role } from '@samla/protocol'
import pg from 'pg'
import { type BoardRow, storedBoard } from './board-row.js'
import { migrate, SAMLA_TABLES } from './postgres-migrations.js'
import type { HistoryEntry, HistoryReason, Storage, StoredBallots, StoredBoard } from './storage.js'

const MAX_CONNECTIONS = 10
const TOUCH_RESOLUTION_MS = 1000

const GENERATION_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_generation',
  participant: 'participant_generation',
  viewer: 'viewer_generation',
}

/** bigint columns (sequence numbers, times, ids, sizes) as JS numbers: all stay far below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)),
}

export async function openPostgresStorage(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: MAX_CONNECTIONS, types })
  // An idle connection the server dropped (a restart) is discarded by the pool; without a listener its
  // error would end the process. The next query opens a new connection or fails, and is reported there.
  pool.on('error', () => {})
  try {
    await migrate(pool)
  } catch (error) {
    await pool.end()
    throw error
  }

  const query = async <Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<Row[]> =>
    (await pool.query<Row>(sql, values)).rows

  /** Runs `work` in one transaction on one connection; a failed one is rolled back and rethrown. */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      client.release()
      return result
    } catch (error) {
      // Closing the connection rolls back whatever is open and leaves no half-done session in the pool.
      client.release(true)
      throw error
    }
  }

  async function setDots(db: pg.ClientBase | pg.Pool, boardId: string, voter: string, noteId: string, dots: number) {
    if (dots > 0) {
      await db.query(
        `INSERT INTO ballots (board_id, voter, note_id, dots) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, voter, note_id) DO UPDATE SET dots = EXCLUDED.dots`,
        [boardId, voter, noteId, dots],
      )
    } else {
      await db.query('DELETE FROM ballots WHERE board_id = $1 AND voter = $2 AND note_id = $3', [
        boardId,
        voter,
        noteId,
      ])
    }
  }

  async function adoptBallots(client: pg.PoolClient, boardId: string, ballots: StoredBallots): Promise<void> {
    for (const [voter, ballot] of ballots) {
      for (const [noteId, dots] of ballot) await setDots(client, boardId, voter, noteId, dots)
    }
    await client.query('INSERT INTO ballots_kept (board_id, since) VALUES ($1, $2) ON CONFLICT (board_id) DO NOTHING', [
      boardId,
      Date.now(),
    ])
  }

  async function addHistory(
    client: pg.PoolClient,
    boardId: string,
    state: Uint8Array,
    reason: HistoryReason,
    now: number,
    keepAfter: number,
  ): Promise<number> {
    await client.query('DELETE FROM history WHERE board_id = $1 AND created_at < $2', [boardId, keepAfter])
    const { rows } = await client.query<{ id: number }>(
      'INSERT INTO history (board_id, created_at, reason, state) VALUES ($1, $2, $3, $4) RETURNING id',
      [boardId, now, reason, state],
    )
    return (rows[0] as { id: number }).id
  }

  /** Serialises the board's history snapshots across relays, until the transaction ends. */
  const lockHistory = (client: pg.PoolClient, boardId: string) =>
    client.query(`SELECT pg_advisory_xact_lock(hashtextextended('samla:history:' || $1, 0))`, [boardId])

  return {
    createBoard: (board, state, ballots = new Map()) =>
      transaction(async (client) => {
        await client.query('INSERT INTO boards (id, title, created_at, touched_at) VALUES ($1, $2, $3, $3)', [
          board.id,
          board.title,
          board.createdAt,
        ])
        await client.query(`INSERT INTO snapshots (board_id, kind, state) VALUES ($1, 'board', $2)`, [board.id, state])
        await adoptBallots(client, board.id, ballots)
      }),

    async getBoard(id): Promise<StoredBoard | undefined> {
      const [row] = await query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id])
      return row && storedBoard(row)
    },

    rotateLink: (boardId, role) =>
      transaction(async (client) => {
        const column = GENERATION_COLUMN[role]
        const { rows } = await client.query<{ generation: number }>(
          `UPDATE boards SET ${column} = ${column} + 1 WHERE id = $1 RETURNING ${column} AS generation`,
          [boardId],
        )
        const row = rows[0]
        if (!row) throw new Error(`no board ${boardId}`)
        if (role === 'participant') await client.query('DELETE FROM join_codes WHERE board_id = $1', [boardId])
        return row.generation
      }),

    async joinCode(boardId, newCode) {
      for (;;) {
        const [existing] = await query<{ code: string }>('SELECT code FROM join_codes WHERE board_id = $1', [boardId])
        if (existing) return existing.code
        // Nothing is inserted if another board holds the code (drawn again) or another relay has just
        // given this board one (read on the next turn).
        const code = newCode()
        const inserted = await query(
          'INSERT INTO join_codes (code, board_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING code',
          [code, boardId],
        )
        if (inserted.length === 1) return code
      }
    },

    async boardOfJoinCode(code) {
      const [row] = await query<{ board_id: string }>('SELECT board_id FROM join_codes WHERE code = $1', [code])
      return row?.board_id
    },

    async recordMergeSources(mergedId, sourceIds) {
      await query(
        `INSERT INTO merge_sources (merged_id, source_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [mergedId, [...sourceIds]],
      )
    },

    async mergedBoardsOf(sourceId) {
      const rows = await query<{ merged_id: string }>(
        'SELECT merged_id FROM merge_sources WHERE source_id = $1 ORDER BY merged_id',
        [sourceId],
      )
      return rows.map((row) => row.merged_id)
    },

    async deleteBoard(boardId) {
      // Every row of the board cascades from this one. Their bytes stay in the table files until
      // (auto)vacuum reuses the space, as PostgreSQL does with every deleted row.
      await query('DELETE FROM boards WHERE id = $1', [boardId])
    },

    async loadDoc(doc) {
      // One statement sees one snapshot of the database: a compaction committing meanwhile is seen
      // either whole (new snapshot, shorter log) or not at all.
      const rows = await query<{ is_snapshot: boolean; seq: number; data: Buffer }>(
        `SELECT true AS is_snapshot, through_seq AS seq, state AS data
           FROM snapshots WHERE board_id = $1 AND kind = $2
         UNION ALL
         SELECT false, seq, data FROM updates WHERE board_id = $1 AND kind = $2
         ORDER BY is_snapshot DESC, seq`,
        [doc.boardId, doc.kind],
      )
      const snapshot = rows[0]?.is_snapshot ? rows[0] : undefined
      const updates = snapshot ? rows.slice(1) : rows
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: updates.map((row) => new Uint8Array(row.data)),
        lastSeq: updates.at(-1)?.seq ?? snapshot?.seq ?? 0,
      }
    },

    appendUpdate: (doc, update) =>
      transaction(async (client) => {
        const now = Date.now()
        // The board row first, as erasing a board locks it before the doc rows: the same order both ways.
        await client.query('UPDATE boards SET touched_at = $1 WHERE id = $2 AND touched_at < $3', [
          now,
          doc.boardId,
          now - TOUCH_RESOLUTION_MS,
        ])
        // The doc's row stays locked until commit: the next append of the doc waits here, so sequence
        // numbers are given and committed in the same order, with no gaps.
        const { rows } = await client.query<{ last_seq: number }>(
          `INSERT INTO docs (board_id, kind, last_seq) VALUES ($1, $2, 1)
           ON CONFLICT (board_id, kind) DO UPDATE SET last_seq = docs.last_seq + 1
           RETURNING last_seq`,
          [doc.boardId, doc.kind],
        )
        const seq = (rows[0] as { last_seq: number }).last_seq
        await client.query('INSERT INTO updates (board_id, kind, seq, data) VALUES ($1, $2, $3, $4)', [
          doc.boardId,
          doc.kind,
          seq,
          update,
        ])
        return seq
      }),

    async updatesAfter(doc, afterSeq) {
      const rows = await query<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = $1 AND kind = $2 AND seq > $3 ORDER BY seq',
        [doc.boardId, doc.kind, afterSeq],
      )
      return rows.map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) }))
    },

    compact: (doc, state, throughSeq) =>
      transaction(async (client) => {
        // Two relays folding the same doc would each write the whole snapshot: the second one gives way.
        const { rows } = await client.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_xact_lock(hashtextextended('samla:compact:' || $1 || ':' || $2, 0)) AS locked`,
          [doc.boardId, doc.kind],
        )
        if (!rows[0]?.locked) return false
        // A snapshot through a later update than this one stays.
        await client.query(
          `INSERT INTO snapshots (board_id, kind, state, through_seq) VALUES ($1, $2, $3, $4)
           ON CONFLICT (board_id, kind) DO UPDATE SET state = EXCLUDED.state, through_seq = EXCLUDED.through_seq
           WHERE snapshots.through_seq < EXCLUDED.through_seq`,
          [doc.boardId, doc.kind, state, throughSeq],
        )
        // Whichever snapshot stays holds these; updates appended meanwhile have higher numbers and stay.
        await client.query('DELETE FROM updates WHERE board_id = $1 AND kind = $2 AND seq <= $3', [
          doc.boardId,
          doc.kind,
          throughSeq,
        ])
        return true
      }),

    addHistory: (boardId, state, reason, now, keepAfter) =>
      transaction(async (client) => {
        await lockHistory(client, boardId)
        return addHistory(client, boardId, state, reason, now, keepAfter)
      }),

    addScheduledHistory: (boardId, state, now, keepAfter, takenAfter) =>
      transaction(async (client) => {
        // Under the lock, a snapshot another relay has just kept is committed, and seen below.
        await lockHistory(client, boardId)
        const { rows } = await client.query('SELECT 1 FROM history WHERE board_id = $1 AND created_at > $2 LIMIT 1', [
          boardId,
          takenAfter,
        ])
        if (rows.length > 0) return false
        await addHistory(client, boardId, state, 'scheduled', now, keepAfter)
        return true
      }),

    listHistory: (boardId) =>
      query<HistoryEntry>(
        `SELECT id, created_at AS "createdAt", reason, octet_length(state) AS bytes
           FROM history WHERE board_id = $1 ORDER BY id DESC`,
        [boardId],
      ),

    async getHistory(boardId, id) {
      const [row] = await query<{ state: Buffer }>('SELECT state FROM history WHERE board_id = $1 AND id = $2', [
        boardId,
        id,
      ])
      return row && new Uint8Array(row.state)
    },

    async loadBallots(boardId) {
      const rows = await query<{ voter: string; note_id: string; dots: number }>(
        'SELECT voter, note_id, dots FROM ballots WHERE board_id = $1',
        [boardId],
      )
      const ballots = new Map<string, Map<string, number>>()
      for (const { voter, note_id, dots } of rows) {
        const ballot = ballots.get(voter) ?? new Map<string, number>()
        ballots.set(voter, ballot.set(note_id, dots))
      }
      return ballots
    },

    setDots: (boardId, voter, noteId, dots) => setDots(pool, boardId, voter, noteId, dots),

    async keepsBallots(boardId) {
      return (await query('SELECT 1 FROM ballots_kept WHERE board_id = $1', [boardId])).length > 0
    },

    adoptBallots: (boardId, ballots) => transaction((client) => adoptBallots(client, boardId, ballots)),

    async probe() {
      await query('INSERT INTO probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at', [
        Date.now(),
      ])
    },

    async usedBytes() {
      // Counts rows erased but not yet vacuumed too: PostgreSQL frees their space in the background.
      const [row] = await query<{ bytes: number }>(
        'SELECT coalesce(sum(pg_total_relation_size(to_regclass(name))), 0)::bigint AS bytes FROM unnest($1::text[]) AS name',
        [SAMLA_TABLES],
      )
      return row?.bytes ?? 0
    },

    async untouchedSince(before, limit) {
      const rows = await query<{ id: string }>(
        'SELECT id FROM boards WHERE touched_at < $1 ORDER BY touched_at LIMIT $2',
        [before, limit],
      )
      return rows.map((row) => row.id)
    },

    close: () => pool.end(),
  }
}

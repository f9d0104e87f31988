/**
 * The PostgreSQL schema as numbered plain-SQL migrations, and their runner. Every relay runs it as it
 * starts; relays starting together wait on one advisory lock, so each migration is applied once, in
 * order, each in its own transaction with its row in `schema_migrations`. A later change to the schema
 * is a new entry at the end; an applied entry is never edited.
 */
import type pg from 'pg'

interface Migration {
  version: number
  sql: string
}

/**
 * Times are milliseconds since the epoch in bigint columns, as the storage interface counts them.
 * Every row of a board hangs off `boards` with ON DELETE CASCADE: erasing the board erases them.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE boards (
        id text PRIMARY KEY,
        title text NOT NULL,
        created_at bigint NOT NULL,
        -- The last stored change, for retention; written at most once a second.
        touched_at bigint NOT NULL,
        -- A capability token of another generation than its role's is no longer valid.
        facilitator_generation integer NOT NULL DEFAULT 1,
        participant_generation integer NOT NULL DEFAULT 1,
        viewer_generation integer NOT NULL DEFAULT 1
      );
      CREATE INDEX boards_by_touched_at ON boards (touched_at);

      -- One row per doc that has had an update: its sequence counter. An append takes the next number
      -- under this row's lock and holds it until commit, so a doc's updates commit in sequence order,
      -- 1, 2, 3, ..., whichever relay appends them. Compaction leaves the row: the sequence continues.
      CREATE TABLE docs (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('board', 'control')),
        last_seq bigint NOT NULL,
        PRIMARY KEY (board_id, kind)
      );

      -- A doc's compacted state (a Yjs update) and the last update it holds.
      CREATE TABLE snapshots (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('board', 'control')),
        state bytea NOT NULL,
        through_seq bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (board_id, kind)
      );

      -- The updates after the snapshot; the primary key is also the order a doc is read in.
      CREATE TABLE updates (
        board_id text NOT NULL,
        kind text NOT NULL,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (board_id, kind, seq),
        FOREIGN KEY (board_id, kind) REFERENCES docs (board_id, kind) ON DELETE CASCADE
      );

      CREATE TABLE history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        reason text NOT NULL,
        state bytea NOT NULL
      );
      CREATE INDEX history_by_board ON history (board_id, created_at);

      CREATE TABLE ballots (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        voter text NOT NULL,
        note_id text NOT NULL,
        dots integer NOT NULL CHECK (dots > 0),
        PRIMARY KEY (board_id, voter, note_id)
      );
      -- Boards whose ballots the relay keeps (every board made here; SQLite has older ones kept in their doc).
      CREATE TABLE ballots_kept (
        board_id text PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        since bigint NOT NULL
      );

      -- A board's short join code (/j/<code>) for its current participant link; rotating that link drops it.
      CREATE TABLE join_codes (
        code text PRIMARY KEY,
        board_id text NOT NULL UNIQUE REFERENCES boards (id) ON DELETE CASCADE
      );

      -- One row a relay rewrites, while writes fail, to learn when storage takes them again.
      CREATE TABLE probe (
        id integer PRIMARY KEY CHECK (id = 1),
        at bigint NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- Which merged board was made from which source board, for erasing a source's copies (issue #21).
      CREATE TABLE merge_sources (
        merged_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        source_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        PRIMARY KEY (source_id, merged_id)
      );
      CREATE INDEX merge_sources_by_merged ON merge_sources (merged_id);
    `,
  },
]

/** The tables whose size is the space Samla takes. */
export const SAMLA_TABLES = [
  'boards',
  'docs',
  'snapshots',
  'updates',
  'history',
  'ballots',
  'ballots_kept',
  'join_codes',
  'merge_sources',
  'probe',
  'schema_migrations',
] as const

export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    // A session lock, held across the migrations' own transactions; other relays wait here, then find
    // every migration applied.
    await client.query(`SELECT pg_advisory_lock(hashtextextended('samla:migrations', 0))`)
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied = new Set(rows.map((row) => row.version))
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue
      await client.query('BEGIN')
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version])
      await client.query('COMMIT')
    }
    await client.query(`SELECT pg_advisory_unlock(hashtextextended('samla:migrations', 0))`)
    client.release()
  } catch (error) {
    // Closing the connection rolls back a migration half done and frees the lock.
    client.release(true)
    throw error
  }
}

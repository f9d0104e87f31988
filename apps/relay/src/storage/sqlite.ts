/**
 * SQLite storage (better-sqlite3): an append log of Yjs updates per doc plus a compacted
 * snapshot. WAL mode, so each append is one small committed write that survives a killed process.
 * better-sqlite3 answers synchronously; every method wraps its answer in a promise for the shared
 * asynchronous contract (a throw becomes a rejection). One relay owns the file, so the update log's
 * global AUTOINCREMENT is the sequence: strictly increasing per doc, though not contiguous.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Role } from '@samla/protocol'
import Database from 'better-sqlite3'
import { type BoardRow, storedBoard } from './board-row.js'
import type {
  BoardRecord,
  DocRef,
  HistoryEntry,
  HistoryReason,
  Storage,
  StoredBallots,
  StoredBoard,
  StoredDoc,
} from './storage.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    facilitator_generation INTEGER NOT NULL DEFAULT 1,
    participant_generation INTEGER NOT NULL DEFAULT 1,
    viewer_generation INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE IF NOT EXISTS snapshots (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (board_id, kind)
  );
  CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(board_id, kind, seq);
  CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    state BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS history_by_board ON history(board_id, created_at);
  CREATE TABLE IF NOT EXISTS ballots (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    voter TEXT NOT NULL,
    note_id TEXT NOT NULL,
    dots INTEGER NOT NULL CHECK (dots > 0),
    PRIMARY KEY (board_id, voter, note_id)
  ) WITHOUT ROWID;
  -- Boards whose ballots the relay keeps; one missing here kept them in its doc (before this table).
  CREATE TABLE IF NOT EXISTS ballots_kept (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    since INTEGER NOT NULL
  );
  -- A board's short join code (/j/<code>) for its current participant link; rotating that link drops it.
  CREATE TABLE IF NOT EXISTS join_codes (
    code TEXT PRIMARY KEY,
    board_id TEXT NOT NULL UNIQUE REFERENCES boards(id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  -- Which merged board was made from which source board, for erasing a source's copies (issue #21).
  CREATE TABLE IF NOT EXISTS merge_sources (
    merged_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, merged_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS merge_sources_by_merged ON merge_sources(merged_id);
  -- One row the relay rewrites, while writes fail, to learn when storage takes them again.
  CREATE TABLE IF NOT EXISTS probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at INTEGER NOT NULL
  );
`

const GENERATION_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_generation',
  participant: 'participant_generation',
  viewer: 'viewer_generation',
}

export function openSqliteStorage(dataDir: string): Storage {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'samla.sqlite'))
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode keeps every commit across a process crash; only an OS crash can lose the last ones.
  db.pragma('synchronous = NORMAL')
  // A loaded board already lives in memory as its Y.Doc, and the OS caches the file: SQLite's own
  // default of 2 MB keeps the B-tree's inner pages hot; better-sqlite3's 16 MB held a second copy of boards.
  db.pragma('cache_size = -2000')
  db.pragma('foreign_keys = ON')
  // Erased boards must really be gone from the file, not linger in free pages (GDPR).
  db.pragma('secure_delete = ON')
  const integrity = db.pragma('quick_check', { simple: true })
  if (integrity !== 'ok') {
    db.close()
    throw new Error(`The database in ${dataDir} is damaged (${String(integrity)}); it was left untouched.`)
  }
  db.exec(SCHEMA)
  addTouchedAt(db)
  addThroughSeq(db)

  const insertBoard = db.prepare('INSERT INTO boards (id, title, created_at, touched_at) VALUES (?, ?, ?, ?)')
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const deleteBoardRow = db.prepare('DELETE FROM boards WHERE id = ?')
  const rotate = Object.fromEntries(
    Object.entries(GENERATION_COLUMN).map(([role, column]) => [
      role,
      db.prepare<[string], { generation: number }>(
        `UPDATE boards SET ${column} = ${column} + 1 WHERE id = ? RETURNING ${column} AS generation`,
      ),
    ]),
  ) as Record<Role, Database.Statement<[string], { generation: number }>>
  const selectJoinCode = db.prepare<[string], { code: string }>('SELECT code FROM join_codes WHERE board_id = ?')
  const selectJoinCodeBoard = db.prepare<[string], { board_id: string }>(
    'SELECT board_id FROM join_codes WHERE code = ?',
  )
  const insertJoinCode = db.prepare('INSERT OR IGNORE INTO join_codes (code, board_id) VALUES (?, ?)')
  const deleteJoinCode = db.prepare('DELETE FROM join_codes WHERE board_id = ?')
  const insertMergeSource = db.prepare('INSERT OR IGNORE INTO merge_sources (merged_id, source_id) VALUES (?, ?)')
  const recordMergeSources = db.transaction((mergedId: string, sourceIds: readonly string[]) => {
    for (const sourceId of sourceIds) insertMergeSource.run(mergedId, sourceId)
  })
  const selectMergedBoards = db.prepare<[string], { merged_id: string }>(
    'SELECT merged_id FROM merge_sources WHERE source_id = ? ORDER BY merged_id',
  )
  const joinCode = db.transaction((boardId: string, newCode: () => string): string => {
    const existing = selectJoinCode.get(boardId)
    if (existing) return existing.code
    // 40 bits make a clash rare, not impossible: a code another board holds is ignored and drawn again.
    for (;;) {
      const code = newCode()
      if (insertJoinCode.run(code, boardId).changes === 1) return code
    }
  })
  const rotateLink = db.transaction((boardId: string, role: Role): number => {
    const row = rotate[role].get(boardId)
    if (!row) throw new Error(`no board ${boardId}`)
    if (role === 'participant') deleteJoinCode.run(boardId)
    return row.generation
  })
  const insertSnapshot = db.prepare('INSERT INTO snapshots (board_id, kind, state) VALUES (?, ?, ?)')
  // A compaction that lost a race to a newer one (through a later update) leaves the newer snapshot.
  const upsertNewerSnapshot = db.prepare(
    `INSERT INTO snapshots (board_id, kind, state, through_seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id, kind) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq
     WHERE excluded.through_seq >= snapshots.through_seq`,
  )
  const selectSnapshot = db.prepare<[string, string], { state: Buffer; through_seq: number }>(
    'SELECT state, through_seq FROM snapshots WHERE board_id = ? AND kind = ?',
  )
  const selectUpdates = db.prepare<[string, string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = ? AND kind = ? AND seq > ? ORDER BY seq',
  )
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, kind, data) VALUES (?, ?, ?)')
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ? AND kind = ? AND seq <= ?')
  // Written at most once a second per board: retention counts in days, and a keystroke stays one write.
  const touch = db.prepare('UPDATE boards SET touched_at = ? WHERE id = ? AND touched_at < ?')
  const appendUpdate = (doc: DocRef, update: Uint8Array) => {
    const seq = Number(insertUpdate.run(doc.boardId, doc.kind, update).lastInsertRowid)
    const now = Date.now()
    touch.run(now, doc.boardId, now - TOUCH_RESOLUTION_MS)
    return seq
  }
  const selectUntouched = db.prepare<[number, number], { id: string }>(
    'SELECT id FROM boards WHERE touched_at < ? ORDER BY touched_at LIMIT ?',
  )

  const insertHistory = db.prepare('INSERT INTO history (board_id, created_at, reason, state) VALUES (?, ?, ?, ?)')
  const pruneHistory = db.prepare('DELETE FROM history WHERE board_id = ? AND created_at < ?')
  const selectHistory = db.prepare<[string], HistoryEntry>(
    'SELECT id, created_at AS createdAt, reason, length(state) AS bytes FROM history WHERE board_id = ? ORDER BY id DESC',
  )
  const selectHistoryState = db.prepare<[string, number], { state: Buffer }>(
    'SELECT state FROM history WHERE board_id = ? AND id = ?',
  )
  const addHistory = db.transaction(
    (boardId: string, state: Uint8Array, reason: HistoryReason, now: number, keepAfter: number) => {
      pruneHistory.run(boardId, keepAfter)
      return Number(insertHistory.run(boardId, now, reason, state).lastInsertRowid)
    },
  )
  const selectTakenAfter = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM history WHERE board_id = ? AND created_at > ? LIMIT 1',
  )
  const addScheduledHistory = db.transaction(
    (boardId: string, state: Uint8Array, now: number, keepAfter: number, takenAfter: number) => {
      if (selectTakenAfter.get(boardId, takenAfter)) return false
      addHistory(boardId, state, 'scheduled', now, keepAfter)
      return true
    },
  )

  const selectBallots = db.prepare<[string], { voter: string; note_id: string; dots: number }>(
    'SELECT voter, note_id, dots FROM ballots WHERE board_id = ?',
  )
  const upsertDots = db.prepare('INSERT OR REPLACE INTO ballots (board_id, voter, note_id, dots) VALUES (?, ?, ?, ?)')
  const deleteDots = db.prepare('DELETE FROM ballots WHERE board_id = ? AND voter = ? AND note_id = ?')
  const selectKept = db.prepare<[string], { since: number }>('SELECT since FROM ballots_kept WHERE board_id = ?')
  const insertKept = db.prepare('INSERT OR IGNORE INTO ballots_kept (board_id, since) VALUES (?, ?)')
  const setDots = (boardId: string, voter: string, noteId: string, dots: number) => {
    if (dots > 0) upsertDots.run(boardId, voter, noteId, dots)
    else deleteDots.run(boardId, voter, noteId)
  }
  const writeProbe = db.prepare('INSERT OR REPLACE INTO probe (id, at) VALUES (1, ?)')
  const adoptBallots = db.transaction((boardId: string, ballots: StoredBallots) => {
    for (const [voter, ballot] of ballots) for (const [noteId, dots] of ballot) setDots(boardId, voter, noteId, dots)
    insertKept.run(boardId, Date.now())
  })

  const createBoard = db.transaction((board: BoardRecord, state: Uint8Array, ballots: StoredBallots) => {
    insertBoard.run(board.id, board.title, board.createdAt, board.createdAt)
    insertSnapshot.run(board.id, 'board', state)
    adoptBallots(board.id, ballots)
  })
  const compact = db.transaction((doc: DocRef, state: Uint8Array, throughSeq: number) => {
    upsertNewerSnapshot.run(doc.boardId, doc.kind, state, throughSeq)
    // Whichever snapshot stays holds these updates; later ones stay in the log.
    deleteUpdates.run(doc.boardId, doc.kind, throughSeq)
  })
  const loadDoc = (doc: DocRef): StoredDoc => {
    const snapshot = selectSnapshot.get(doc.boardId, doc.kind)
    const rows = selectUpdates.all(doc.boardId, doc.kind, 0)
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshot?.through_seq ?? 0,
    }
  }

  return {
    createBoard: async (board, state, ballots = new Map()) => createBoard(board, state, ballots),
    async getBoard(id): Promise<StoredBoard | undefined> {
      const row = selectBoard.get(id)
      return row && storedBoard(row)
    },
    rotateLink: async (boardId, role) => rotateLink(boardId, role),
    joinCode: async (boardId, newCode) => joinCode(boardId, newCode),
    boardOfJoinCode: async (code) => selectJoinCodeBoard.get(code)?.board_id,
    recordMergeSources: async (mergedId, sourceIds) => recordMergeSources(mergedId, sourceIds),
    mergedBoardsOf: async (sourceId) => selectMergedBoards.all(sourceId).map((row) => row.merged_id),
    async deleteBoard(boardId) {
      deleteBoardRow.run(boardId)
      // The deleted rows' pages also sit in the write-ahead log until a checkpoint: copy them into the
      // database (where secure_delete has zeroed them) and empty the log, so no file keeps the board.
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
    loadDoc: async (doc) => loadDoc(doc),
    appendUpdate: async (doc, update) => appendUpdate(doc, update),
    updatesAfter: async (doc, afterSeq) =>
      selectUpdates
        .all(doc.boardId, doc.kind, afterSeq)
        .map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) })),
    // One relay compacts its own file: never refused.
    compact: async (doc, state, throughSeq) => {
      compact(doc, state, throughSeq)
      return true
    },
    addHistory: async (boardId, state, reason, now, keepAfter) => addHistory(boardId, state, reason, now, keepAfter),
    addScheduledHistory: async (boardId, state, now, keepAfter, takenAfter) =>
      addScheduledHistory(boardId, state, now, keepAfter, takenAfter),
    listHistory: async (boardId) => selectHistory.all(boardId),
    async getHistory(boardId, id) {
      const row = selectHistoryState.get(boardId, id)
      return row && new Uint8Array(row.state)
    },
    async loadBallots(boardId) {
      const ballots = new Map<string, Map<string, number>>()
      for (const { voter, note_id, dots } of selectBallots.all(boardId)) {
        const ballot = ballots.get(voter) ?? new Map<string, number>()
        ballots.set(voter, ballot.set(note_id, dots))
      }
      return ballots
    },
    setDots: async (boardId, voter, noteId, dots) => setDots(boardId, voter, noteId, dots),
    keepsBallots: async (boardId) => selectKept.get(boardId) !== undefined,
    adoptBallots: async (boardId, ballots) => adoptBallots(boardId, ballots),
    probe: async () => void writeProbe.run(Date.now()),
    async usedBytes() {
      const pages =
        Number(db.pragma('page_count', { simple: true })) - Number(db.pragma('freelist_count', { simple: true }))
      return pages * Number(db.pragma('page_size', { simple: true }))
    },
    untouchedSince: async (before, limit) => selectUntouched.all(before, limit).map((row) => row.id),
    close: async () => void db.close(),
  }
}

const TOUCH_RESOLUTION_MS = 1000

/**
 * When each board last changed, for retention. Databases from before it get the column with the time
 * of this start, so an old board is counted from now, never erased for changes made before it was kept.
 */
function addTouchedAt(db: Database.Database): void {
  const columns = db.pragma('table_info(boards)') as { name: string }[]
  if (columns.some((column) => column.name === 'touched_at')) return
  db.transaction(() => {
    db.exec('ALTER TABLE boards ADD COLUMN touched_at INTEGER NOT NULL DEFAULT 0')
    db.prepare('UPDATE boards SET touched_at = ?').run(Date.now())
    db.exec('CREATE INDEX boards_by_touched_at ON boards(touched_at)')
  })()
}

/**
 * The sequence number a snapshot reaches, so a loaded doc with an empty log still knows where it stands
 * and an older compaction never overwrites a newer one. A snapshot from before it reaches up to its
 * doc's first update still in the log (compaction dropped every earlier one), else to the log's highest
 * sequence number ever given: it holds every update of its doc up to there.
 */
function addThroughSeq(db: Database.Database): void {
  const columns = db.pragma('table_info(snapshots)') as { name: string }[]
  if (columns.some((column) => column.name === 'through_seq')) return
  db.transaction(() => {
    db.exec('ALTER TABLE snapshots ADD COLUMN through_seq INTEGER NOT NULL DEFAULT 0')
    db.exec(`
      UPDATE snapshots SET through_seq = coalesce(
        (SELECT min(seq) - 1 FROM updates WHERE updates.board_id = snapshots.board_id AND updates.kind = snapshots.kind),
        (SELECT seq FROM sqlite_sequence WHERE name = 'updates'),
        0
      )`)
  })()
}

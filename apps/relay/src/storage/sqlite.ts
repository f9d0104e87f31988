/**
 * SQLite storage (better-sqlite3): an append log of Yjs updates per board plus a compacted
 * snapshot. WAL mode, so each append is one small committed write that survives a killed process.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BoardRecord, Storage, StoredDoc } from './storage.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS snapshots (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    state BLOB NOT NULL
  );
  CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS updates_by_board ON updates(board_id, seq);
`

interface BoardRow {
  id: string
  title: string
  created_at: number
}

export function openSqliteStorage(dataDir: string): Storage {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'samla.sqlite'))
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode keeps every commit across a process crash; only an OS crash can lose the last ones.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  const integrity = db.pragma('quick_check', { simple: true })
  if (integrity !== 'ok') {
    db.close()
    throw new Error(`The database in ${dataDir} is damaged (${String(integrity)}); it was left untouched.`)
  }
  db.exec(SCHEMA)

  const insertBoard = db.prepare('INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)')
  const insertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (board_id, state) VALUES (?, ?)')
  const selectBoard = db.prepare<[string], BoardRow>('SELECT id, title, created_at FROM boards WHERE id = ?')
  const selectSnapshot = db.prepare<[string], { state: Buffer }>('SELECT state FROM snapshots WHERE board_id = ?')
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
  )
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)')
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?')

  const createBoard = db.transaction((board: BoardRecord, state: Uint8Array) => {
    insertBoard.run(board.id, board.title, board.createdAt)
    insertSnapshot.run(board.id, state)
  })
  const compact = db.transaction((boardId: string, state: Uint8Array, upToSeq: number) => {
    insertSnapshot.run(boardId, state)
    deleteUpdates.run(boardId, upToSeq)
  })

  return {
    createBoard: (board, state) => createBoard(board, state),
    getBoard(id) {
      const row = selectBoard.get(id)
      return row && { id: row.id, title: row.title, createdAt: row.created_at }
    },
    loadDoc(boardId): StoredDoc {
      const snapshot = selectSnapshot.get(boardId)?.state ?? null
      const rows = selectUpdates.all(boardId)
      return {
        snapshot: snapshot && new Uint8Array(snapshot),
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.at(-1)?.seq ?? 0,
      }
    },
    appendUpdate: (boardId, update) => Number(insertUpdate.run(boardId, update).lastInsertRowid),
    compact: (boardId, state, upToSeq) => compact(boardId, state, upToSeq),
    close: () => db.close(),
  }
}

/**
 * The page's side of a relay that cannot save (a full disk): its close (1011) is explained and
 * reconnected after with the page's own retry policy, the edits made meanwhile stay in the page's
 * doc, and they reach the others once the relay can save again. The relay is real; its SQLite
 * storage fails the writes as a full disk does while `full` is set (the relay's own tests fill a
 * real disk, apps/relay/test/storage-failure.test.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addNote, listNotes } from '@samla/board'
import { CloseCode, participantId } from '@samla/protocol'
import { openSqliteStorage, type Storage } from '@samla/relay'
import { afterEach, describe, expect, it } from 'vitest'
import { type ConnectionState, INITIAL_CONNECTION, reduceConnection } from './connectionState'
import { jitterReconnects } from './reconnect'
import { cleanUp, eventually, onCleanUp, startBoard } from './test-support'

afterEach(cleanUp)

const WRITER_KEY = 'writer-device-key-0123456789'
const READER_KEY = 'reader-device-key-0123456789'

/** SQLite storage whose writes fail while `full()` holds, with SQLite's own error for a full disk. */
function storageThatFills(full: () => boolean): Storage {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-full-'))
  const sqlite = openSqliteStorage(dataDir)
  onCleanUp(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  onCleanUp(() => sqlite.close())
  const diskFull = () => {
    if (full()) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
  }
  const storage: Storage = Object.create(sqlite)
  storage.appendUpdate = async (doc, update) => {
    diskFull()
    return sqlite.appendUpdate(doc, update)
  }
  storage.probe = async () => {
    diskFull()
    await sqlite.probe()
  }
  return storage
}

describe('a relay that cannot save', () => {
  it('[WD1] explains the 1011 close, keeps reconnecting, and the edits made while the disk was full arrive once it can save again', async () => {
    let full = false
    const storage = storageThatFills(() => full)
    const { boardId, links, connect } = await startBoard('Full disk', {
      storage,
      limits: { storageProbeIntervalMs: 100 },
    })
    const writer = connect(links.participant, { deviceKey: WRITER_KEY })
    const reader = connect(links.participant, { deviceKey: READER_KEY })
    // The page's own retry policy and connection state, as the board page wires them (connection.ts).
    onCleanUp(jitterReconnects(writer, () => true))
    let state: ConnectionState = INITIAL_CONNECTION
    writer.on('connection-close', (event) => {
      state = reduceConnection(state, { type: 'closed', code: event?.code ?? null })
    })
    writer.on('sync', (synced) => {
      if (synced) state = reduceConnection(state, { type: 'synced' })
    })
    await eventually(() => writer.synced && reader.synced, 'both to sync')
    const author = { authorId: participantId(boardId, WRITER_KEY), authorName: 'Skribent' }
    const texts = () => listNotes(reader.doc).map((note) => note.text)

    full = true
    addNote(writer.doc, { x: 0, y: 0, text: 'skrivet när disken blev full', ...author })
    await eventually(() => state.closeCode === CloseCode.InternalError, 'the 1011 close explained')
    expect(state.stopped).toBe(false)
    addNote(writer.doc, { x: 1, y: 1, text: 'skrivet medan disken var full', ...author })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(texts()).toEqual([])
    expect(listNotes(writer.doc)).toHaveLength(2)

    full = false
    await eventually(() => texts().length === 2, 'the kept edits arrive', 15_000)
    expect(texts().sort()).toEqual(['skrivet medan disken var full', 'skrivet när disken blev full'])
    await eventually(() => state.status === 'connected' && state.closeCode === null, 'connected again', 10_000)
  }, 30_000)
})

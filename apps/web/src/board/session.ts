/**
 * Opens one board: its Y.Doc, the local IndexedDB copy (so a reload offline still shows it), the
 * relay connection and the reader the components subscribe to — and closes all of them again.
 */
import { type BoardErrorCode, BoardError, type BoardReader, createBoardReader, migrateBoard } from '@samla/board'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type ConnectionStore, watchConnection } from './connection'
import { shouldReconnect } from './connectionState'

export interface BoardSession {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly reader: BoardReader
  readonly connection: ConnectionStore
  destroy(): void
}

/** If IndexedDB never answers (some private modes), connect anyway after this long. */
const LOCAL_LOAD_TIMEOUT_MS = 1500

function relayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`
}

export function openBoardSession(boardId: string, onError: (code: BoardErrorCode) => void): BoardSession {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(`samla-board-${boardId}`, doc)
  const provider = new WebsocketProvider(relayUrl(window.location), boardId, doc, {
    connect: false,
    shouldReconnect: (event) => shouldReconnect(event.code),
  })
  const reader = createBoardReader(doc)
  const connection = watchConnection(provider)
  let destroyed = false

  // A board written by a newer Samla is shown, but the person is told to reload.
  const checkSchema = () => {
    try {
      migrateBoard(doc)
    } catch (error) {
      if (error instanceof BoardError) onError(error.code)
      else throw error
    }
  }
  const onSync = (synced: boolean) => {
    if (synced) checkSchema()
  }
  provider.on('sync', onSync)

  // Connecting after the local copy has loaded lets the first sync exchange only the difference.
  const timeout = new Promise((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS))
  void Promise.race([local.whenSynced, timeout]).then(() => {
    if (destroyed) return
    checkSchema()
    connection.start()
  })

  return {
    boardId,
    doc,
    reader,
    connection,
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.off('sync', onSync)
      connection.destroy()
      provider.destroy()
      reader.destroy()
      void local.destroy()
      doc.destroy()
    },
  }
}

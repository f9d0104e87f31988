/**
 * Opens one board with a link's token: its two Y.Docs (the board, and the facilitator's control doc
 * with the lock), their local IndexedDB copies (so a reload offline still shows them), the relay
 * connections and the readers the components subscribe to — and closes all of them again.
 */
import {
  BoardError,
  type BoardReader,
  type ControlReader,
  createBoardReader,
  createControlReader,
  migrateBoard,
} from '@samla/board'
import { mayEdit, participantId, type Role } from '@samla/protocol'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getDeviceKey } from '../lib/deviceKey'
import { whenIdle } from '../lib/idle'
import { localDocNames } from '../lib/localCopy'
import { type ConnectionStore, watchConnection } from './connection'
import { shouldReconnect } from './connectionState'
import { createFacilitationUiStore, type FacilitationUiStore } from './facilitationUi'
import type { OpeningSnapshot } from './opening'
import { createPresence, type PresenceStore } from './presenceStore'
import { relayUrl, roomProtocols } from './relayAddress'
import { createSearchResults, type SearchResults } from './searchResults'
import { createSearchFilterStore, type SearchFilterStore } from './searchStore'
import type { SocketAhead } from './socketAhead'
import { createUiStore, type UiStore } from './uiStore'
import { type UnconfirmedStore, watchUnconfirmed } from './unconfirmed'
import { createUndo, type UndoStore } from './undo'
import { type BoardVotes, watchVotes } from './votes'

export interface BoardAccess {
  readonly boardId: string
  readonly token: string
  readonly role: Role
}

export interface BoardSession extends BoardAccess {
  /** This device's id on this board: how the relay knows who writes, and whose notes are whose. */
  readonly participantId: string
  readonly doc: Y.Doc
  readonly controlDoc: Y.Doc
  readonly reader: BoardReader
  readonly control: ControlReader
  readonly connection: ConnectionStore
  /**
   * Presence on the board doc's connection, under a client id of its own (never the board doc's):
   * shared, never stored. Add fields with setLocalStateField.
   */
  readonly awareness: PresenceStore['awareness']
  /** Who is here, their cursors and what they work on, read from and published to `awareness`. */
  readonly presence: PresenceStore
  /** Undo and redo of this person's own changes. */
  readonly undo: UndoStore
  /** This page's changes the relay has not yet confirmed. */
  readonly unconfirmed: UnconfirmedStore
  /** The person's search and filter on this board. */
  readonly searchFilter: SearchFilterStore
  /** Which notes match the person's search and filter. */
  readonly search: SearchResults
  /** This page's view of the board: viewport, selection, editing, drag, notices. */
  readonly ui: UiStore
  /** This page's facilitation panels, timer sound, following, cluster drag and rename. */
  readonly facilitationUi: FacilitationUiStore
  /** The dot vote as the relay tells this person: their own dots, how many voted, totals they may see. */
  readonly votes: BoardVotes
  destroy(): void
}

/** If IndexedDB never answers (some private modes), connect anyway after this long. */
const LOCAL_LOAD_TIMEOUT_MS = 1500
/**
 * Opened from a snapshot, the board's local copy is attached at the page's first own change, or at
 * an idle moment this long after the first sync (so storing the whole board, a long task on a big
 * one, never holds up showing it), and after LOCAL_ATTACH_LATEST_MS at the latest.
 */
const LOCAL_ATTACH_AFTER_SYNC_MS = 1000
const LOCAL_ATTACH_LATEST_MS = 5000

function provide(room: string, doc: Y.Doc, token: string, socket?: SocketAhead): WebsocketProvider {
  return new WebsocketProvider(relayUrl(window.location), room, doc, {
    connect: false,
    // The token and device key travel as subprotocols: an address with them would end up in proxies' logs.
    protocols: roomProtocols(token),
    WebSocketPolyfill: socket?.WebSocketPolyfill,
    // Every change reaches other tabs through the relay, which checks each tab's role, never around it.
    disableBc: true,
    shouldReconnect: (event) => shouldReconnect(event.code),
  })
}

/** Whether the person may change the board right now (the relay refuses their changes otherwise). */
export function mayEditBoard(session: BoardSession): boolean {
  return mayEdit(session.role, session.control.getControl().locked)
}

/** Applies the relay's snapshot to a doc nothing listens to yet; a damaged one is left to the sync. */
function applySnapshot(doc: Y.Doc, snapshot: Uint8Array): boolean {
  try {
    Y.applyUpdate(doc, snapshot)
    return true
  } catch (error) {
    console.warn('The board snapshot could not be read; the board loads through the sync instead', error)
    return false
  }
}

/**
 * `snapshot` (from the opening) is applied before anything listens to the doc; the board's
 * provider then takes the socket opened with it. The board's local copy is attached only once the
 * board is on screen: attaching stores the whole doc.
 */
export function openBoardSession(access: BoardAccess, snapshot: OpeningSnapshot | null = null): BoardSession {
  const { boardId, token } = access
  const names = localDocNames(boardId)
  const doc = new Y.Doc()
  const controlDoc = new Y.Doc()
  const fromSnapshot = snapshot !== null && applySnapshot(doc, snapshot.update)
  const controlLocal = new IndexeddbPersistence(names.control, controlDoc)
  let boardLocal = fromSnapshot ? null : new IndexeddbPersistence(names.board, doc)
  // The socket opened with the snapshot asked for what came after it: of no use without it.
  const socket = snapshot?.socket ?? undefined
  const provider = provide(boardId, doc, token, fromSnapshot ? socket : undefined)
  const controlProvider = provide(`${boardId}/control`, controlDoc, token)
  const reader = createBoardReader(doc)
  const control = createControlReader(controlDoc)
  const connection = watchConnection(provider, controlProvider)
  const presence = createPresence(provider)
  const undo = createUndo(doc)
  // Changes from the relay, or loaded from this device's copy, are not this page's own.
  const isRemote = (origin: unknown) =>
    origin === provider || origin === controlLocal || (boardLocal !== null && origin === boardLocal)
  const unconfirmed = watchUnconfirmed(provider, isRemote)
  const searchFilter = createSearchFilterStore()
  const search = createSearchResults(doc, reader, searchFilter)
  const ui = createUiStore()
  const facilitationUi = createFacilitationUiStore()
  const votes = watchVotes(provider, (refusal) => ui.getState().showNotice(refusal))
  let destroyed = false

  // A board written by a newer Samla is shown, but the person is told to reload.
  const checkSchema = () => {
    try {
      migrateBoard(doc)
    } catch (error) {
      if (error instanceof BoardError) ui.getState().showNotice(error.code)
      else throw error
    }
  }
  const onSync = (synced: boolean) => {
    if (synced) checkSchema()
  }
  provider.on('sync', onSync)

  // The relay connection opens at once, alongside the local copies (the socket's handshake takes
  // about as long as reading them, and the first sync carries what either side lacks).
  connection.start()
  // Not taken (unused, or the page is offline): closed.
  socket?.discard()
  if (boardLocal) {
    const locals = [boardLocal.whenSynced, controlLocal.whenSynced]
    const timeout = new Promise((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS))
    void Promise.race([Promise.all(locals), timeout]).then(() => {
      if (!destroyed) checkSchema()
    })
  } else {
    checkSchema()
    const attachLocalCopy = () => {
      doc.off('update', onUpdate)
      cancelLatest()
      if (!destroyed && !boardLocal) boardLocal = new IndexeddbPersistence(names.board, doc)
    }
    // A change of this page's own is kept on the device at once, synced or not.
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (!isRemote(origin)) attachLocalCopy()
    }
    doc.on('update', onUpdate)
    const cancelLatest = whenIdle(attachLocalCopy, LOCAL_ATTACH_LATEST_MS)
    provider.once('sync', () => whenIdle(attachLocalCopy, LOCAL_ATTACH_AFTER_SYNC_MS))
  }

  return {
    ...access,
    participantId: participantId(boardId, getDeviceKey()),
    doc,
    controlDoc,
    reader,
    control,
    connection,
    awareness: presence.awareness,
    presence,
    undo,
    unconfirmed,
    searchFilter,
    search,
    ui,
    facilitationUi,
    votes,
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.off('sync', onSync)
      for (const tool of [presence, undo, unconfirmed, search, votes]) tool.destroy()
      connection.destroy()
      provider.destroy()
      controlProvider.destroy()
      reader.destroy()
      control.destroy()
      for (const local of [boardLocal, controlLocal]) void local?.destroy()
      doc.destroy()
      controlDoc.destroy()
    },
  }
}

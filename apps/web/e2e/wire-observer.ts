/**
 * A passive observer on a board: a raw `ws` socket speaking y-websocket, as anyone with a viewer's
 * link could run, that asks for the board once and then only listens. It keeps the board doc as the
 * frames build it and every presence entry it is sent, with the client id each came under.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP_1 = 0

export interface PresenceEntry {
  readonly clientId: number
  /** The entry's state as sent (JSON), `null` when the client left. */
  readonly state: string
}

export interface WireObserver {
  readonly doc: Y.Doc
  /** Every presence entry received, in order. */
  readonly presence: readonly PresenceEntry[]
  close(): void
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP_1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

function readPresence(update: Uint8Array, into: PresenceEntry[]): void {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // clock
    into.push({ clientId, state: decoding.readVarString(decoder) })
  }
}

export async function observeBoard(relayUrl: string, boardId: string, token: string): Promise<WireObserver> {
  const doc = new Y.Doc()
  const presence: PresenceEntry[] = []
  const ws = new WebSocket(`${relayUrl.replace(/^http/, 'ws')}/ws/${boardId}?token=${encodeURIComponent(token)}`)
  ws.binaryType = 'nodebuffer'
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_AWARENESS) readPresence(decoding.readVarUint8Array(decoder), presence)
    if (type !== MESSAGE_SYNC) return
    // The relay's own step 1 asks for what this socket has: nothing, so it is not answered.
    if (decoding.readVarUint(decoder) === SYNC_STEP_1) return
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  ws.send(syncStep1(doc))
  return {
    doc,
    presence,
    close() {
      ws.close()
      doc.destroy()
    },
  }
}

/** The client ids of every item that makes up a shared type: its own, its fields' (overwritten ones too), its text's. */
/** What makes up a shared type, whatever its events. */
type SharedType = Pick<Y.AbstractType<unknown>, '_item' | '_map' | '_start'>

export function itemClients(type: SharedType, into = new Set<number>()): Set<number> {
  if (type._item) into.add(type._item.id.client)
  const visit = (item: Y.Item) => {
    into.add(item.id.client)
    if (item.content instanceof Y.ContentType) itemClients(item.content.type, into)
  }
  for (const item of type._map.values()) {
    for (let at: Y.Item | null = item; at; at = at.left) visit(at)
  }
  for (let at = type._start; at; at = at.right) visit(at)
  return into
}

/**
 * Samla boards from Node: created through the relay's API, filled by a stock y-websocket client
 * (with `ws` as its WebSocket) through the board model's addNote, in large transactions, and
 * checked by a second client that must see every note. The filling client stays connected as
 * the collaborator who types while the browser measures.
 */
import { addNote, createBoardReader, readNote, setNoteText } from '@samla/board'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { DEVICE_KEY_PARAM, participantId } from '@samla/protocol'
import * as Y from 'yjs'
import { KEYSTROKE_INTERVAL_MS } from '../config.js'
import type { BenchNote } from '../notes.js'
import { sleep, waitUntil } from '../wait.js'

export interface BoardLinks {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

export interface SamlaBoard {
  readonly id: string
  readonly links: BoardLinks
}

export interface Collaborator {
  /** Types `text` at the end of a note, one keystroke every KEYSTROKE_INTERVAL_MS. */
  type(noteId: string, text: string): Promise<void>
  destroy(): void
}

const BATCH = 250
/** The filler's device key: the relay lets a participant sign notes only with the id it derives from one. */
const FILLER_DEVICE_KEY = 'bench-filler-device-key'

export async function createBoard(baseUrl: string, title: string): Promise<SamlaBoard> {
  const res = await fetch(`${baseUrl}/api/boards`, { method: 'POST', body: JSON.stringify({ title }) })
  if (res.status !== 201) throw new Error(`creating a board failed with HTTP ${res.status}`)
  return (await res.json()) as SamlaBoard
}

function connect(baseUrl: string, boardId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    params: { token, [DEVICE_KEY_PARAM]: FILLER_DEVICE_KEY },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return { doc, provider }
}

/** Fills the board and returns the still-connected client that wrote the notes. */
export async function fillBoard(
  baseUrl: string,
  board: SamlaBoard,
  notes: readonly BenchNote[],
): Promise<Collaborator> {
  const writer = connect(baseUrl, board.id, board.links.participant)
  await waitUntil(() => writer.provider.synced, 10_000, 'the filling client to sync')
  for (let start = 0; start < notes.length; start += BATCH) {
    writer.doc.transact(() => {
      for (const note of notes.slice(start, start + BATCH)) {
        addNote(writer.doc, { ...note, authorId: participantId(board.id, FILLER_DEVICE_KEY), authorName: 'Bench' })
      }
    })
    // Lets the socket drain between batches instead of queueing the whole board at once.
    await sleep(5)
  }
  const second = connect(baseUrl, board.id, board.links.viewer)
  const reader = createBoardReader(second.doc)
  try {
    const all = () => reader.getLayout().length === notes.length
    await waitUntil(all, 60_000, `a second client to see ${notes.length} notes`)
  } finally {
    reader.destroy()
    second.provider.destroy()
    second.doc.destroy()
  }
  return {
    async type(noteId, text) {
      const base = readNote(writer.doc, noteId)?.text ?? ''
      const started = performance.now()
      for (let i = 1; i <= text.length; i++) {
        setNoteText(writer.doc, noteId, base + text.slice(0, i))
        await sleep(started + i * KEYSTROKE_INTERVAL_MS - performance.now())
      }
    },
    destroy() {
      writer.provider.destroy()
      // Also stops the awareness timer the provider made for the doc.
      writer.doc.destroy()
    },
  }
}

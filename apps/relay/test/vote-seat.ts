/** A raw websocket on a board doc for vote tests: it syncs the doc and records every vote message. */
import {
  DEVICE_KEY_PARAM,
  decodeVoteReply,
  encodeVoteRequest,
  VOTE_MESSAGE,
  type VoteReply,
  type VoteView,
} from '@samla/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { waitFor } from './helpers.js'

export type Answer = Extract<VoteReply, { kind: 'answer' }>

/**
 * A raw socket on a board doc that records every frame it receives: the doc it syncs (into `doc`)
 * and the vote messages (views and answers).
 */
export class Seat {
  readonly frames: Uint8Array[] = []
  readonly doc = new Y.Doc()
  readonly views: VoteView[] = []
  private readonly answers = new Map<number, Answer>()
  private nextRequest = 1

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.read(new Uint8Array(data)))
  }

  get view(): VoteView | undefined {
    return this.views.at(-1)
  }

  get voteFrames(): Uint8Array[] {
    return this.frames.filter((frame) => frame[0] === VOTE_MESSAGE)
  }

  /** Asks for the whole board doc. */
  syncDoc(): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.ws.send(encoding.toUint8Array(encoder))
  }

  watch(): void {
    this.ws.send(encodeVoteRequest({ kind: 'watch' }))
  }

  /** Sends an ask and returns its request number, without waiting for the answer. */
  send(kind: 'add' | 'remove', noteId: string): number {
    const request = this.nextRequest++
    this.ws.send(encodeVoteRequest({ kind, request, noteId }))
    return request
  }

  async answer(request: number): Promise<Answer> {
    await waitFor(() => this.answers.has(request), 5000, `answer ${request}`)
    return this.answers.get(request) as Answer
  }

  ask(kind: 'add' | 'remove', noteId: string): Promise<Answer> {
    return this.answer(this.send(kind, noteId))
  }

  /** Whether any frame received holds these bytes (a participant id, say). */
  received(text: string): boolean {
    const needle = Buffer.from(text)
    return this.frames.some((frame) => Buffer.from(frame).includes(needle))
  }

  private read(frame: Uint8Array): void {
    this.frames.push(frame)
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === 0) syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, 'relay')
    if (type !== VOTE_MESSAGE) return
    const reply = decodeVoteReply(decoder)
    this.views.push(reply.view)
    if (reply.kind === 'answer') this.answers.set(reply.request, reply)
  }
}

/** Opens a raw socket on the board doc with the token (and the device key, which names the voter); `close` gets its terminate. */
export async function openSeat(
  relay: { url: string },
  boardId: string,
  token: string,
  deviceKey: string | undefined,
  close: (terminate: () => void) => void,
): Promise<Seat> {
  const params = new URLSearchParams({ token, ...(deviceKey && { [DEVICE_KEY_PARAM]: deviceKey }) })
  const ws = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/ws/${boardId}?${params}`)
  const opened = new Seat(ws)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  close(() => ws.terminate())
  return opened
}

/**
 * Dot votes on the board doc's websocket: one message type of Samla's own beside y-websocket's
 * (sync 0, awareness 1, auth 2, query awareness 3). A client asks for the vote (`watch`) and for a dot
 * to be added or taken back; the relay, which alone keeps the ballots, answers each ask and pushes
 * what this connection may see whenever it changes. Nothing of it reaches a connection that never
 * asked, so a stock y-websocket client never meets a message type it does not know.
 *
 *   client → relay   [VOTE_MESSAGE, 0]                          watch: send me the vote, and keep me posted
 *                    [VOTE_MESSAGE, 1 | 2, request, noteId]     add (1) or take back (2) one of my dots
 *   relay → client   [VOTE_MESSAGE, 0, view]                    what this connection may see now
 *                    [VOTE_MESSAGE, 1, request, refusal, view]  the answer to an ask ('' when it was done)
 *
 * A view is the number of voters, the connection's own ballot, and the totals by note when its role
 * may see them (seesVoteTotals), else none. Numbers are lib0 varUints, texts varStrings.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Role } from './roles.js'

export const VOTE_MESSAGE = 100

/** Why the relay refused a dot. */
export const VOTE_REFUSALS = [
  'vote-not-open',
  'vote-closed',
  'vote-budget-spent',
  'vote-cap-reached',
  'note-not-found',
  /** A viewer, or a participant while the board is locked. */
  'vote-not-allowed',
  /** The connection presented no device key, so the relay does not know whose ballot it would be. */
  'vote-no-participant',
] as const

export type VoteRefusal = (typeof VOTE_REFUSALS)[number]

function isVoteRefusal(value: unknown): value is VoteRefusal {
  return typeof value === 'string' && (VOTE_REFUSALS as readonly string[]).includes(value)
}

export type VoteRequest =
  | { readonly kind: 'watch' }
  | { readonly kind: 'add' | 'remove'; readonly request: number; readonly noteId: string }

export interface VoteView {
  /** People with at least one dot on a note on the board. */
  readonly voters: number
  /** This connection's own dots, by note (none for a connection without a participant). */
  readonly mine: ReadonlyMap<string, number>
  /** Everyone's dots added up by note, or null while this connection's role may not see them. */
  readonly totals: ReadonlyMap<string, number> | null
}

export type VoteReply =
  | { readonly kind: 'view'; readonly view: VoteView }
  | {
      readonly kind: 'answer'
      readonly request: number
      readonly refusal: VoteRefusal | null
      readonly view: VoteView
    }

/** Before the reveal only the facilitator sees the totals; after it everyone does. Ballots by person, never. */
export function seesVoteTotals(role: Role, revealed: boolean): boolean {
  return role === 'facilitator' || revealed
}

const REQUEST_KINDS = ['watch', 'add', 'remove'] as const
const REPLY_KINDS = ['view', 'answer'] as const

function kindAt<T>(kinds: readonly T[], index: number): T {
  const kind = kinds[index]
  if (kind === undefined) throw new Error(`unknown vote message kind ${index}`)
  return kind
}

function finished(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Error('vote message has trailing bytes')
}

export function encodeVoteRequest(request: VoteRequest): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, VOTE_MESSAGE)
  encoding.writeVarUint(encoder, REQUEST_KINDS.indexOf(request.kind))
  if (request.kind !== 'watch') {
    encoding.writeVarUint(encoder, request.request)
    encoding.writeVarString(encoder, request.noteId)
  }
  return encoding.toUint8Array(encoder)
}

/** A request whose message type has been read already; throws on anything malformed. */
export function decodeVoteRequest(decoder: decoding.Decoder): VoteRequest {
  const kind = kindAt(REQUEST_KINDS, decoding.readVarUint(decoder))
  if (kind === 'watch') {
    finished(decoder)
    return { kind }
  }
  const request = decoding.readVarUint(decoder)
  const noteId = decoding.readVarString(decoder)
  finished(decoder)
  return { kind, request, noteId }
}

function writeDots(encoder: encoding.Encoder, dots: ReadonlyMap<string, number>): void {
  encoding.writeVarUint(encoder, dots.size)
  for (const [noteId, count] of dots) {
    encoding.writeVarString(encoder, noteId)
    encoding.writeVarUint(encoder, count)
  }
}

function readDots(decoder: decoding.Decoder): Map<string, number> {
  const dots = new Map<string, number>()
  for (let left = decoding.readVarUint(decoder); left > 0; left--) {
    dots.set(decoding.readVarString(decoder), decoding.readVarUint(decoder))
  }
  return dots
}

function writeView(encoder: encoding.Encoder, view: VoteView): void {
  encoding.writeVarUint(encoder, view.voters)
  writeDots(encoder, view.mine)
  encoding.writeVarUint(encoder, view.totals ? 1 : 0)
  if (view.totals) writeDots(encoder, view.totals)
}

function readView(decoder: decoding.Decoder): VoteView {
  const voters = decoding.readVarUint(decoder)
  const mine = readDots(decoder)
  const totals = decoding.readVarUint(decoder) === 1 ? readDots(decoder) : null
  return { voters, mine, totals }
}

export function encodeVoteReply(reply: VoteReply): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, VOTE_MESSAGE)
  encoding.writeVarUint(encoder, REPLY_KINDS.indexOf(reply.kind))
  if (reply.kind === 'answer') {
    encoding.writeVarUint(encoder, reply.request)
    encoding.writeVarString(encoder, reply.refusal ?? '')
  }
  writeView(encoder, reply.view)
  return encoding.toUint8Array(encoder)
}

/** A reply whose message type has been read already; throws on anything malformed. */
export function decodeVoteReply(decoder: decoding.Decoder): VoteReply {
  const kind = kindAt(REPLY_KINDS, decoding.readVarUint(decoder))
  if (kind === 'view') {
    const view = readView(decoder)
    finished(decoder)
    return { kind, view }
  }
  const request = decoding.readVarUint(decoder)
  const refused = decoding.readVarString(decoder)
  if (refused !== '' && !isVoteRefusal(refused)) throw new Error(`unknown vote refusal ${refused}`)
  const view = readView(decoder)
  finished(decoder)
  return { kind, request, refusal: refused === '' ? null : refused, view }
}

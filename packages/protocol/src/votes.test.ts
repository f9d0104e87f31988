/** Tests for the dot votes' messages on the board doc's websocket. */
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import {
  decodeVoteReply,
  decodeVoteRequest,
  encodeVoteReply,
  encodeVoteRequest,
  seesVoteTotals,
  VOTE_MESSAGE,
  type VoteReply,
  type VoteRequest,
} from './votes.js'

/** A decoder past the message type, as the relay's and the client's handlers get it. */
function afterType(message: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(VOTE_MESSAGE)
  return decoder
}

describe('[PV] vote messages', () => {
  it('[PV1] requests and replies come back as they were sent', () => {
    const requests: VoteRequest[] = [
      { kind: 'watch' },
      { kind: 'add', request: 7, noteId: 'note-åäö-1' },
      { kind: 'remove', request: 2 ** 40, noteId: 'note-0001' },
    ]
    for (const request of requests) expect(decodeVoteRequest(afterType(encodeVoteRequest(request)))).toEqual(request)
    const view = { voters: 3, mine: new Map([['note-0001', 2]]), totals: null }
    const replies: VoteReply[] = [
      { kind: 'view', view },
      { kind: 'view', view: { ...view, totals: new Map([['note-0001', 5]]) } },
      { kind: 'answer', request: 7, refusal: null, view },
      { kind: 'answer', request: 8, refusal: 'vote-budget-spent', view: { voters: 0, mine: new Map(), totals: null } },
    ]
    for (const reply of replies) expect(decodeVoteReply(afterType(encodeVoteReply(reply)))).toEqual(reply)
  })

  it('[PV2] an unknown kind, a truncated message, trailing bytes or an unknown refusal throw', () => {
    const add = encodeVoteRequest({ kind: 'add', request: 1, noteId: 'note-0001' })
    const answer = encodeVoteReply({
      kind: 'answer',
      request: 1,
      refusal: null,
      view: { voters: 0, mine: new Map(), totals: null },
    })
    const broken = [
      Uint8Array.of(VOTE_MESSAGE, 3),
      add.subarray(0, add.length - 2),
      Uint8Array.of(...encodeVoteRequest({ kind: 'watch' }), 0),
    ]
    for (const message of broken) expect(() => decodeVoteRequest(afterType(message))).toThrow()
    const unknownRefusal = Uint8Array.of(VOTE_MESSAGE, 1, 1, 4, ...[...'nope'].map((c) => c.charCodeAt(0)), 0, 0, 0)
    for (const message of [unknownRefusal, answer.subarray(0, answer.length - 1), Uint8Array.of(VOTE_MESSAGE, 2)]) {
      expect(() => decodeVoteReply(afterType(message))).toThrow()
    }
  })

  it('[PV3] only the facilitator sees the totals before the reveal; everyone after it', () => {
    expect([
      seesVoteTotals('facilitator', false),
      seesVoteTotals('participant', false),
      seesVoteTotals('viewer', false),
    ]).toEqual([true, false, false])
    expect([seesVoteTotals('participant', true), seesVoteTotals('viewer', true)]).toEqual([true, true])
  })
})

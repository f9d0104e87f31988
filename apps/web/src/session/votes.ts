/**
 * The dot vote as this page knows it from the relay, which alone keeps the ballots: how many have
 * voted, this person's own dots, and the totals once this person may see them (the facilitator
 * always, everyone after the reveal). It travels on the board doc's socket as @samla/protocol's vote
 * messages: on every connect the page asks to watch the vote, and the relay pushes what changes.
 * A dot asked for is placed only when the relay says so; a refusal comes back in plain words.
 */
import { type DotChange, dotsSpent } from '@samla/board'
import {
  decodeVoteReply,
  encodeVoteRequest,
  VOTE_MESSAGE,
  type VoteRefusal,
  type VoteReply,
  type VoteRequest,
} from '@samla/protocol'
import type * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { createStore, type StoreApi } from 'zustand/vanilla'

export interface VoteState {
  /** People with at least one dot on a note on the board. */
  readonly voters: number
  /** This person's own dots, by note. */
  readonly mine: ReadonlyMap<string, number>
  /** This person's dots on the board, all notes together. */
  readonly spent: number
  /** Everyone's dots by note, or null while this person may not see them. */
  readonly totals: ReadonlyMap<string, number> | null
}

/** Why a dot was not placed: the relay's reasons, or no connection to ask it over. */
export type DotRefusal = VoteRefusal | 'vote-no-connection'

export interface BoardVotes {
  readonly state: StoreApi<VoteState>
  /** Asks the relay to add or take back one of this person's dots on the note. */
  ask(change: DotChange, noteId: string): void
  destroy(): void
}

const NOTHING_YET: VoteState = { voters: 0, mine: new Map(), spent: 0, totals: null }

function stateOf(reply: VoteReply): VoteState {
  const { voters, mine, totals } = reply.view
  return { voters, mine, spent: dotsSpent(mine), totals }
}

export function watchVotes(provider: WebsocketProvider, onRefused: (refusal: DotRefusal) => void): BoardVotes {
  const state = createStore<VoteState>()(() => NOTHING_YET)
  let nextRequest = 1

  const send = (request: VoteRequest): boolean => {
    const { ws } = provider
    if (!provider.wsconnected || ws?.readyState !== WebSocket.OPEN) return false
    ws.send(encodeVoteRequest(request))
    return true
  }
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') send({ kind: 'watch' })
  }
  provider.on('status', onStatus)
  provider.messageHandlers[VOTE_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
    let reply: VoteReply
    try {
      reply = decodeVoteReply(decoder)
    } catch (error) {
      console.warn('A vote message from the relay could not be read', error)
      return
    }
    state.setState(stateOf(reply), true)
    if (reply.kind === 'answer' && reply.refusal) onRefused(reply.refusal)
  }

  return {
    state,
    ask(change, noteId) {
      if (!send({ kind: change, request: nextRequest++, noteId })) onRefused('vote-no-connection')
    },
    destroy() {
      provider.off('status', onStatus)
    },
  }
}

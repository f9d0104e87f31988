/**
 * The page's view of the dot vote, against the real relay on port 0 with real y-websocket providers
 * and the platform's WebSocket: it asks to watch on every connect, keeps what the relay sends, and
 * reports a refused dot, or one it could not ask for, by its reason.
 */
import { addNote, startVote } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanUp, eventually, onCleanUp, startBoard } from './test-support'
import { type DotRefusal, watchVotes } from './votes'

afterEach(cleanUp)

describe('the dot vote as the page knows it', () => {
  it('[WV1] watches on every connect, keeps the relay’s view, and reports refusals and a missing connection', async () => {
    const { boardId, links, connect: join } = await startBoard('Röstning')
    const connect = (token: string, deviceKey: string, room?: string) =>
      join(token, { deviceKey, room, connect: false })
    const board = connect(links.facilitator, 'facilitator-device-key')
    const control = connect(links.facilitator, 'facilitator-device-key', `${boardId}/control`)
    board.connect()
    control.connect()
    await eventually(() => board.synced && control.synced, 'the facilitator to sync')
    const note = addNote(board.doc, { x: 0, y: 0, text: 'Buss' })
    startVote(control.doc, { budget: 1, capPerNote: 1 })

    const participant = connect(links.participant, 'participant-device-key')
    const refusals: DotRefusal[] = []
    const votes = watchVotes(participant, (refusal) => refusals.push(refusal))
    onCleanUp(() => votes.destroy())
    votes.ask('add', note)
    expect(refusals).toEqual(['vote-no-connection'])

    participant.connect()
    await eventually(() => participant.synced, 'the participant to sync')
    votes.ask('add', note)
    await eventually(() => votes.state.getState().spent === 1, 'the dot placed')
    expect(votes.state.getState()).toMatchObject({ voters: 1, totals: null })
    expect(Object.fromEntries(votes.state.getState().mine)).toEqual({ [note]: 1 })
    votes.ask('add', note)
    await eventually(() => refusals.length === 2, 'the refusal')
    expect(refusals[1]).toBe('vote-budget-spent')

    // A reconnect asks to watch again, and the view comes back from the relay.
    votes.state.setState({ voters: 0, mine: new Map(), spent: 0, totals: null }, true)
    participant.disconnect()
    participant.connect()
    await eventually(() => votes.state.getState().spent === 1, 'the view after reconnecting')
  })
})

/**
 * The page's view of the dot vote, against the real relay on port 0 with real y-websocket providers
 * and the platform's WebSocket: it asks to watch on every connect, keeps what the relay sends, and
 * reports a refused dot, or one it could not ask for, by its reason.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addNote, startVote } from '@samla/board'
import { DEVICE_KEY_PARAM } from '@samla/protocol'
import { createRelay } from '@samla/relay'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type DotRefusal, watchVotes } from './votes'

const cleanup: (() => unknown)[] = []

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function startBoard() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-votes-'))
  const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, logger: pino({ level: 'silent' }) })
  cleanup.push(
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => relay.close(),
  )
  const response = await fetch(`${relay.url}/api/boards`, {
    method: 'POST',
    body: JSON.stringify({ title: 'Röstning' }),
  })
  const { id, links } = (await response.json()) as { id: string; links: Record<'facilitator' | 'participant', string> }
  const connect = (token: string, deviceKey: string, room = id) => {
    const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, room, new Y.Doc(), {
      connect: false,
      params: { token, [DEVICE_KEY_PARAM]: deviceKey },
      disableBc: true,
    })
    cleanup.push(() => provider.destroy())
    return provider
  }
  return { boardId: id, links, connect }
}

describe('the dot vote as the page knows it', () => {
  it('[WV1] watches on every connect, keeps the relay’s view, and reports refusals and a missing connection', async () => {
    const { boardId, links, connect } = await startBoard()
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
    cleanup.push(() => votes.destroy())
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

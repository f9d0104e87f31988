/**
 * Stacks in the relay's count (issue #21): notes the facilitator confirmed as one stack count as one
 * note — one total, one cap — whichever of them a dot is asked on; a participant's raw client can
 * neither make nor undo a stack.
 */
import { addNote, confirmStack, listNotes, readControl, removeStack, startVote } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, type Relay } from '../src/index.js'
import {
  closeCode,
  connectClient,
  createBoard,
  linksOf,
  startRelay,
  tempDataDir,
  updateFrame,
  waitFor,
} from './helpers.js'
import { openSeat, type Seat } from './vote-seat.js'

const dots = (map: ReadonlyMap<string, number> | null | undefined) => (map ? Object.fromEntries(map) : map)

describe('stacked notes in the vote', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })

  async function seat(relay: Relay, boardId: string, token: string, deviceKey: string): Promise<Seat> {
    const opened = await openSeat(relay, boardId, token, deviceKey, (terminate) => cleanup.push(terminate))
    opened.syncDoc()
    opened.watch()
    return opened
  }

  /** A board with four notes, three of them confirmed as one stack by the facilitator, and an open vote. */
  async function stackedBoard() {
    const relay = await startRelay({ dataDir: tempDataDir() })
    cleanup.push(() => relay.close())
    const boardId = await createBoard(relay, 'Sammanslagen')
    const { facilitator, viewer } = linksOf(boardId)
    const writer = connectClient(relay, boardId, new Y.Doc(), { token: facilitator })
    cleanup.push(() => writer.destroy())
    const notes = ['Fler cykelbanor', 'More cycle lanes', 'Fler cykelbana', 'Billigare buss'].map((text, i) =>
      addNote(writer.doc, { x: i * 200, y: 0, text }),
    ) as [string, string, string, string]
    const stack = confirmStack(writer.doc, notes.slice(0, 3))
    const control = connectClient(relay, boardId, new Y.Doc(), { token: facilitator, room: `${boardId}/control` })
    const reader = connectClient(relay, boardId, new Y.Doc(), { token: viewer, room: `${boardId}/control` })
    cleanup.push(
      () => control.destroy(),
      () => reader.destroy(),
    )
    await waitFor(() => control.provider.synced, 5000, 'control doc synced')
    startVote(control.doc, { budget: 5, capPerNote: 2 })
    await waitFor(() => readControl(reader.doc).vote.open, 5000, 'vote open at the relay')
    const watcher = await seat(relay, boardId, facilitator, 'device-of-facilitator')
    await waitFor(() => listNotes(watcher.doc).length === 4 && watcher.doc.getMap('stacks').size === 1)
    return { relay, boardId, notes, stack, writer, watcher }
  }

  it('[RV9] a stack counts as one note: dots on any of its notes add up on its first, and its cap is the stack’s', async () => {
    const { relay, boardId, notes, watcher } = await stackedBoard()
    const [first, second, third, other] = notes
    const a = await seat(relay, boardId, linksOf(boardId).participant, 'device-of-person-a')
    const b = await seat(relay, boardId, linksOf(boardId).participant, 'device-of-person-b')
    expect((await a.ask('add', second)).refusal).toBeNull()
    const atCap = await a.ask('add', third)
    expect([atCap.refusal, dots(atCap.view.mine)]).toEqual([null, { [first]: 2 }])
    // The cap of two is the stack's, whichever of its notes the third dot is asked on.
    expect((await a.ask('add', first)).refusal).toBe('vote-cap-reached')
    expect((await a.ask('add', other)).refusal).toBeNull()
    expect((await b.ask('add', third)).refusal).toBeNull()
    // Taking back a dot asked on another note of the stack takes one of the stack's.
    const taken = await a.ask('remove', third)
    expect([taken.refusal, dots(taken.view.mine)]).toEqual([null, { [first]: 1, [other]: 1 }])
    await waitFor(() => JSON.stringify(dots(watcher.view?.totals)) === JSON.stringify({ [first]: 2, [other]: 1 }))
    expect(watcher.view?.voters).toBe(2)
  })

  it('[RV10] taking a stack back, or deleting its first note, is counted again at once for everyone watching', async () => {
    const { relay, boardId, notes, stack, writer, watcher } = await stackedBoard()
    const [first, second, third] = notes
    const a = await seat(relay, boardId, linksOf(boardId).participant, 'device-of-person-a')
    await a.ask('add', second)
    await a.ask('add', third)
    await waitFor(() => watcher.view?.totals?.get(first) === 2)
    writer.doc.transact(() => writer.doc.getMap('notes').delete(first))
    await waitFor(() => JSON.stringify(dots(watcher.view?.totals)) === JSON.stringify({ [second]: 2 }))
    removeStack(writer.doc, stack)
    // The dots were gathered on the stack's first note, which is gone: taken back, they go back to the voter.
    await waitFor(() => JSON.stringify(dots(watcher.view?.totals)) === JSON.stringify({}))
    expect(dots(a.view?.mine)).toEqual({})
  })

  it('[RV11] a participant’s stock Yjs client cannot confirm, dismiss or take back a stack (4422)', async () => {
    const { relay, boardId, notes, stack } = await stackedBoard()
    const { participant } = linksOf(boardId)
    for (const forge of [
      (doc: Y.Doc) => confirmStack(doc, [notes[1], notes[3]]),
      (doc: Y.Doc) => removeStack(doc, stack),
    ]) {
      const forger = await seat(relay, boardId, participant, 'device-of-a-forger')
      await waitFor(() => forger.doc.getMap('stacks').size === 1, 5000, 'board synced')
      const before = Y.encodeStateVector(forger.doc)
      forge(forger.doc)
      forger.ws.send(updateFrame(Y.encodeStateAsUpdate(forger.doc, before)))
      expect(await closeCode(forger.ws)).toBe(CloseCode.ChangeRefused)
    }
    const check = await seat(relay, boardId, linksOf(boardId).facilitator, 'device-of-checker')
    await waitFor(() => listNotes(check.doc).length === 4)
    expect([...check.doc.getMap('stacks').keys()]).toEqual([stack])
  })
})

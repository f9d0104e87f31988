/**
 * Dot votes the relay alone counts: asks for dots checked against the asker's own ballot (open,
 * closed, budget, cap, note, who asks), concurrent asks of one person, who is sent what before and
 * after the reveal (every frame), ballots kept across restarts and in exports, and boards that kept
 * their ballots in the doc.
 */
import path from 'node:path'
import { addNote, closeVote, listNotes, readControl, revealVotes, setLocked, startVote } from '@samla/board'
import { encodeVoteRequest, participantId, VOTE_MESSAGE } from '@samla/protocol'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, openSqliteStorage, type Relay } from '../src/index.js'
import {
  type Client,
  closeCode,
  connectClient,
  createBoard,
  linksOf,
  sleep,
  startRelay,
  tempDataDir,
  updateFrame,
  waitFor,
} from './helpers.js'
import { openSeat, type Seat } from './vote-seat.js'

const KEY_A = 'device-key-of-person-a'
const KEY_B = 'device-key-of-person-b'
const KEY_VIEWER = 'device-key-of-a-viewer'
const KEY_FACILITATOR = 'device-key-of-facilitator'

const dots = (map: ReadonlyMap<string, number> | null | undefined) => (map ? Object.fromEntries(map) : map)

describe('dot votes', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })

  async function relayOn(dataDir = tempDataDir()): Promise<Relay> {
    const relay = await startRelay({ dataDir })
    cleanup.push(() => relay.close())
    return relay
  }

  function client(relay: Relay, boardId: string, token: string, room = boardId): Client {
    const c = connectClient(relay, boardId, new Y.Doc(), { token, room, deviceKey: KEY_FACILITATOR })
    cleanup.push(() => c.destroy())
    return c
  }

  async function seat(
    relay: Relay,
    boardId: string,
    { token = linksOf(boardId).participant, deviceKey }: { token?: string; deviceKey?: string } = {},
  ): Promise<Seat> {
    return openSeat(relay, boardId, token, deviceKey, (terminate) => cleanup.push(terminate))
  }

  /** A board with three notes the facilitator wrote, and the facilitator's control doc. */
  async function board(relay: Relay) {
    const boardId = await createBoard(relay, 'Omröstning')
    const { facilitator } = linksOf(boardId)
    const writer = client(relay, boardId, facilitator)
    const notes = ['Buss', 'Cykel', 'Tåg'].map((text, i) => addNote(writer.doc, { x: i * 200, y: 0, text }))
    const control = client(relay, boardId, facilitator, `${boardId}/control`)
    // A reader of the control doc sees a change only once the relay holds it.
    const reader = client(relay, boardId, linksOf(boardId).viewer, `${boardId}/control`)
    const check = await seat(relay, boardId, { token: facilitator })
    check.syncDoc()
    await waitFor(() => listNotes(check.doc).length === 3, 5000, 'notes at the relay')
    /** Changes the control doc (the vote, the lock) and waits until the relay holds the change. */
    const setVote = async (change: (doc: Y.Doc) => void) => {
      await waitFor(() => control.provider.synced, 5000, 'control doc synced')
      change(control.doc)
      const after = JSON.stringify(readControl(control.doc))
      await waitFor(() => JSON.stringify(readControl(reader.doc)) === after, 5000, 'control change at the relay')
    }
    return { boardId, notes: notes as [string, string, string], control, setVote }
  }

  it('[RV1] a dot is counted within the budget and the cap, on a note on the board; the answer is one’s own ballot', async () => {
    const relay = await relayOn()
    const { boardId, notes, setVote } = await board(relay)
    const [n1, n2, n3] = notes
    await setVote((doc) => startVote(doc, { budget: 3, capPerNote: 2 }))
    const a = await seat(relay, boardId, { deviceKey: KEY_A })

    expect((await a.ask('add', n1)).refusal).toBeNull()
    const second = await a.ask('add', n1)
    expect([second.refusal, dots(second.view.mine)]).toEqual([null, { [n1]: 2 }])
    const overCap = await a.ask('add', n1)
    expect([overCap.refusal, dots(overCap.view.mine)]).toEqual(['vote-cap-reached', { [n1]: 2 }])
    expect((await a.ask('add', n2)).refusal).toBeNull()
    const overBudget = await a.ask('add', n3)
    expect([overBudget.refusal, dots(overBudget.view.mine)]).toEqual(['vote-budget-spent', { [n1]: 2, [n2]: 1 }])
    const taken = await a.ask('remove', n1)
    expect([taken.refusal, dots(taken.view.mine)]).toEqual([null, { [n1]: 1, [n2]: 1 }])
    expect((await a.ask('add', 'no-such-note-1')).refusal).toBe('note-not-found')
    expect((await a.ask('remove', n3)).refusal).toBeNull()
    const last = await a.ask('add', n3)
    expect([last.refusal, dots(last.view.mine), last.view.voters, last.view.totals]).toEqual([
      null,
      { [n1]: 1, [n2]: 1, [n3]: 1 },
      1,
      null,
    ])
  })

  it('[RV2] no dot before the vote opens or after it closes: closing freezes the count', async () => {
    const relay = await relayOn()
    const { boardId, notes, setVote } = await board(relay)
    const [n1, n2] = notes
    const a = await seat(relay, boardId, { deviceKey: KEY_A })
    const facilitator = await seat(relay, boardId, { token: linksOf(boardId).facilitator, deviceKey: KEY_FACILITATOR })
    facilitator.watch()
    expect((await a.ask('add', n1)).refusal).toBe('vote-not-open')
    await setVote((doc) => startVote(doc, { budget: 2, capPerNote: 2 }))
    expect((await a.ask('add', n1)).refusal).toBeNull()
    await setVote(closeVote)
    expect((await a.ask('add', n2)).refusal).toBe('vote-closed')
    const taken = await a.ask('remove', n1)
    expect([taken.refusal, dots(taken.view.mine)]).toEqual(['vote-closed', { [n1]: 1 }])
    await waitFor(() => dots(facilitator.view?.totals) !== undefined && facilitator.view?.totals?.get(n1) === 1)
    // A restarted vote counts on from the dots placed before.
    await setVote((doc) => startVote(doc, { budget: 2, capPerNote: 2 }))
    const again = await a.ask('add', n2)
    expect([again.refusal, dots(again.view.mine)]).toEqual([null, { [n1]: 1, [n2]: 1 }])
  })

  it('[RV3] a connection without a participant id, a viewer and a locked board cannot vote; a malformed ask closes 4400', async () => {
    const relay = await relayOn()
    const { boardId, notes, setVote } = await board(relay)
    const [n1] = notes
    await setVote((doc) => startVote(doc, { budget: 2, capPerNote: 1 }))
    const anonymous = await seat(relay, boardId)
    expect((await anonymous.ask('add', n1)).refusal).toBe('vote-no-participant')
    const viewer = await seat(relay, boardId, { token: linksOf(boardId).viewer, deviceKey: KEY_VIEWER })
    expect((await viewer.ask('add', n1)).refusal).toBe('vote-not-allowed')
    const a = await seat(relay, boardId, { deviceKey: KEY_A })
    await setVote((doc) => setLocked(doc, true))
    expect((await a.ask('add', n1)).refusal).toBe('vote-not-allowed')
    await setVote((doc) => setLocked(doc, false))
    expect((await a.ask('add', n1)).refusal).toBeNull()

    const broken = await seat(relay, boardId, { deviceKey: KEY_B })
    broken.ws.send(Uint8Array.of(VOTE_MESSAGE, 1, 1, 40))
    expect(await closeCode(broken.ws)).toBe(CloseCode.MalformedMessage)
    const trailing = await seat(relay, boardId, { deviceKey: KEY_B })
    trailing.ws.send(Uint8Array.of(...encodeVoteRequest({ kind: 'watch' }), 0))
    expect(await closeCode(trailing.ws)).toBe(CloseCode.MalformedMessage)
    expect((await a.ask('remove', n1)).refusal).toBeNull()
  })

  it('[RV4] a ballot written into the board doc by a participant is refused with 4422 and never counted', async () => {
    const relay = await relayOn()
    const { boardId, notes, setVote } = await board(relay)
    await setVote((doc) => startVote(doc, { budget: 2, capPerNote: 1 }))
    const forger = await seat(relay, boardId, { deviceKey: KEY_A })
    const forged = new Y.Doc()
    forged.getMap('votes').set(participantId(boardId, KEY_A), new Y.Map([[notes[0], 1_000_000]]))
    forger.ws.send(updateFrame(Y.encodeStateAsUpdate(forged)))
    expect(await closeCode(forger.ws)).toBe(CloseCode.ChangeRefused)
    const facilitator = await seat(relay, boardId, { token: linksOf(boardId).facilitator, deviceKey: KEY_FACILITATOR })
    facilitator.syncDoc()
    facilitator.watch()
    await waitFor(() => facilitator.view !== undefined && listNotes(facilitator.doc).length === 3)
    expect([dots(facilitator.view?.totals), facilitator.view?.voters]).toEqual([{}, 0])
    expect(facilitator.doc.getMap('votes').size).toBe(0)
  })

  it('[RV5] two connections of one person racing for the last dot: exactly one wins, every time', async () => {
    const relay = await relayOn()
    const { boardId, notes, setVote } = await board(relay)
    const [n1, n2] = notes
    await setVote((doc) => startVote(doc, { budget: 1, capPerNote: 1 }))
    const tabs = [await seat(relay, boardId, { deviceKey: KEY_A }), await seat(relay, boardId, { deviceKey: KEY_A })]
    for (const tab of tabs) tab.watch()
    for (let round = 0; round < 10; round++) {
      const [first, second] = tabs as [Seat, Seat]
      const sent = [first.send('add', round % 2 ? n1 : n2), second.send('add', n1)]
      const answers = [await first.answer(sent[0] as number), await second.answer(sent[1] as number)]
      expect(answers.map((answer) => answer.refusal).sort()).toEqual([null, 'vote-budget-spent'].sort())
      const winner = answers[0]?.refusal === null ? first : second
      const won = [...(winner.view?.mine.keys() ?? [])]
      expect(won).toHaveLength(1)
      // Both tabs come to show the one dot.
      await waitFor(() =>
        tabs.every((tab) => JSON.stringify(dots(tab.view?.mine)) === JSON.stringify({ [won[0] as string]: 1 })),
      )
      expect((await winner.ask('remove', won[0] as string)).refusal).toBeNull()
    }
  })

  it('[RV6] before the reveal only the facilitator is sent the totals, nobody another’s ballot; after it everyone the totals', async () => {
    const relay = await relayOn()
    const { boardId, notes, setVote } = await board(relay)
    const [n1, n2] = notes
    await setVote((doc) => startVote(doc, { budget: 3, capPerNote: 2 }))
    const { facilitator: facilitatorToken, viewer: viewerToken } = linksOf(boardId)
    const a = await seat(relay, boardId, { deviceKey: KEY_A })
    const b = await seat(relay, boardId, { deviceKey: KEY_B })
    const viewer = await seat(relay, boardId, { token: viewerToken, deviceKey: KEY_VIEWER })
    const facilitator = await seat(relay, boardId, { token: facilitatorToken, deviceKey: KEY_FACILITATOR })
    // A stock client that never asked about the vote.
    const bystander = await seat(relay, boardId, { deviceKey: 'device-key-of-bystander' })
    for (const s of [a, b, viewer, facilitator, bystander]) s.syncDoc()
    for (const s of [a, b, viewer, facilitator]) s.watch()

    await a.ask('add', n1)
    await a.ask('add', n1)
    await b.ask('add', n2)
    await waitFor(() => JSON.stringify(dots(facilitator.view?.totals)) === JSON.stringify({ [n1]: 2, [n2]: 1 }))
    await waitFor(() => [a, b, viewer].every((s) => s.view?.voters === 2), 5000, 'voters counted')
    await sleep(100)

    const ids = { a: participantId(boardId, KEY_A), b: participantId(boardId, KEY_B) }
    for (const s of [a, b, viewer, facilitator, bystander]) {
      expect(s.received(ids.a) || s.received(ids.b)).toBe(false)
      expect(s.doc.getMap('votes').size).toBe(0)
      expect(listNotes(s.doc)).toHaveLength(3)
    }
    for (const s of [a, b, viewer]) expect(s.views.every((view) => view.totals === null)).toBe(true)
    expect(a.views.every((view) => [...view.mine.keys()].every((note) => note === n1))).toBe(true)
    expect(b.views.every((view) => [...view.mine.keys()].every((note) => note === n2))).toBe(true)
    expect(viewer.views.every((view) => view.mine.size === 0)).toBe(true)
    expect(facilitator.views.every((view) => view.totals !== null)).toBe(true)
    expect(bystander.voteFrames).toEqual([])

    await setVote(revealVotes)
    for (const s of [a, b, viewer]) {
      await waitFor(() => JSON.stringify(dots(s.view?.totals)) === JSON.stringify({ [n1]: 2, [n2]: 1 }), 5000, 'reveal')
    }
    expect(dots(a.view?.mine)).toEqual({ [n1]: 2 })
    for (const s of [a, b, viewer, facilitator, bystander]) expect(s.received(ids.a) || s.received(ids.b)).toBe(false)
    expect(bystander.voteFrames).toEqual([])
  })

  it('[RV7] ballots outlive a restart, count in the CSV, Markdown and JSON exports, survive a JSON import and go with the board', async () => {
    const dataDir = tempDataDir()
    const first = await relayOn(dataDir)
    const { boardId, notes, setVote } = await board(first)
    const [n1, n2] = notes
    await setVote((doc) => startVote(doc, { budget: 3, capPerNote: 2 }))
    const a = await seat(first, boardId, { deviceKey: KEY_A })
    const b = await seat(first, boardId, { deviceKey: KEY_B })
    await a.ask('add', n1)
    await a.ask('add', n1)
    await b.ask('add', n1)
    await b.ask('add', n2)
    for (const fn of cleanup.splice(0).reverse()) await fn()

    const second = await relayOn(dataDir)
    const again = await seat(second, boardId, { deviceKey: KEY_A })
    again.watch()
    await waitFor(() => again.view !== undefined)
    expect([dots(again.view?.mine), again.view?.voters]).toEqual([{ [n1]: 2 }, 2])

    const download = (id: string, format: string) =>
      fetch(`${second.url}/api/boards/${id}/export?format=${format}&lang=en`, {
        headers: { authorization: `Bearer ${linksOf(id).facilitator}` },
      })
    const csv = await (await download(boardId, 'csv')).text()
    expect(csv).toContain('"Buss","yellow","3"')
    expect(csv).toContain('"Cykel","yellow","1"')
    expect(await (await download(boardId, 'md')).text()).toContain('- Buss — 3 dots')
    const exported = (await (await download(boardId, 'json')).json()) as { votes: Record<string, unknown> }
    expect(Object.values(exported.votes).sort()).toHaveLength(2)
    for (const id of Object.keys(exported.votes)) {
      expect([participantId(boardId, KEY_A), participantId(boardId, KEY_B)]).not.toContain(id)
    }
    const created = await fetch(`${second.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ title: 'Kopia', import: exported }),
    })
    const copy = (await created.json()) as { id: string; links: { facilitator: string } }
    const copyCsv = await (
      await fetch(`${second.url}/api/boards/${copy.id}/export?format=csv&lang=en`, {
        headers: { authorization: `Bearer ${copy.links.facilitator}` },
      })
    ).text()
    expect(copyCsv).toContain('"Buss","yellow","3"')
    expect(copyCsv).toContain('"Cykel","yellow","1"')

    // Erasing the board erases its ballots.
    const erased = await fetch(`${second.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
    expect(erased.status).toBe(204)
    const storage = openSqliteStorage(dataDir)
    expect((await storage.loadBallots(boardId)).size).toBe(0)
    expect((await storage.loadBallots(copy.id)).size).toBe(2)
    await storage.close()
  })

  it('[RV8] a board that kept its ballots in the doc has them moved into storage as it loads, after a snapshot, once', async () => {
    const dataDir = tempDataDir()
    const first = await relayOn(dataDir)
    const { boardId, notes } = await board(first)
    const [n1, n2] = notes
    for (const fn of cleanup.splice(0).reverse()) await fn()

    // Stored as the relay stored boards before it kept the ballots: voters wrote them into the doc.
    const storage = openSqliteStorage(dataDir)
    const legacy = new Y.Doc()
    const votes = legacy.getMap<unknown>('votes')
    votes.set(KEY_A, new Y.Map([[n1, 2]]))
    votes.set('voter-from-elsewhere', new Y.Map([[n2, 1]]))
    await storage.appendUpdate({ boardId, kind: 'board' }, Y.encodeStateAsUpdate(legacy))
    await storage.close()
    const db = new Database(path.join(dataDir, 'samla.sqlite'))
    db.prepare('DELETE FROM ballots_kept WHERE board_id = ?').run(boardId)
    db.close()

    const second = await relayOn(dataDir)
    const moves = async (relay: Relay) =>
      (
        (await (
          await fetch(`${relay.url}/api/boards/${boardId}/history`, {
            headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
          })
        ).json()) as { snapshots: { reason: string }[] }
      ).snapshots.filter((entry) => entry.reason === 'before-vote-move')
    const a = await seat(second, boardId, { deviceKey: KEY_A })
    const facilitator = await seat(second, boardId, { token: linksOf(boardId).facilitator, deviceKey: KEY_FACILITATOR })
    for (const s of [a, facilitator]) {
      s.syncDoc()
      s.watch()
    }
    await waitFor(() => a.view !== undefined && facilitator.view !== undefined && listNotes(a.doc).length === 3)
    expect(dots(a.view?.mine)).toEqual({ [n1]: 2 })
    expect([dots(facilitator.view?.totals), facilitator.view?.voters]).toEqual([{ [n1]: 2, [n2]: 1 }, 2])
    expect(a.doc.getMap('votes').size).toBe(0)
    expect(await moves(second)).toHaveLength(1)
    for (const fn of cleanup.splice(0).reverse()) await fn()

    // Ballots written into the doc of a board whose ballots the relay keeps are cleared, not counted.
    const again = openSqliteStorage(dataDir)
    const stored = await again.loadDoc({ boardId, kind: 'board' })
    const current = new Y.Doc()
    for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(current, update)
    const before = Y.encodeStateVector(current)
    current.getMap<unknown>('votes').set(KEY_B, new Y.Map([[n2, 50]]))
    again.appendUpdate({ boardId, kind: 'board' }, Y.encodeStateAsUpdate(current, before))
    await again.close()
    const third = await relayOn(dataDir)
    const watcher = await seat(third, boardId, { token: linksOf(boardId).facilitator, deviceKey: KEY_FACILITATOR })
    watcher.syncDoc()
    watcher.watch()
    await waitFor(() => watcher.view !== undefined && listNotes(watcher.doc).length === 3)
    expect([dots(watcher.view?.totals), watcher.view?.voters]).toEqual([{ [n1]: 2, [n2]: 1 }, 2])
    expect(watcher.doc.getMap('votes').size).toBe(0)
    expect(await moves(third)).toHaveLength(1)
  })
})

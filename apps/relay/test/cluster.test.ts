/**
 * Several relays serving as one service: three relay processes on one PostgreSQL database and one
 * Redis, behind HAProxy (the README's example configuration), with stock y-websocket clients spread
 * over them. Relay ids: [RK*].
 */
import { addNote, listNotes, setLocked, startVote } from '@samla/board'
import {
  CloseCode,
  DEVICE_KEY_PARAM,
  decodeVoteReply,
  encodeVoteRequest,
  VOTE_MESSAGE,
  type VoteReply,
} from '@samla/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Storage } from '../src/index.js'
import { openPostgresStorage } from '../src/storage/postgres.js'
import { type Cluster, requestThrough, startCluster, startOwnRedis } from './cluster.js'
import {
  authorOn,
  type Client,
  closeCode,
  connectClient,
  createBoard,
  linksOf,
  openRawSocket,
  sleep,
  startRelay,
  synced,
  TEST_DEVICE_KEY,
  updateFrame,
  waitFor,
} from './helpers.js'
import { createTestDatabase } from './postgres-database.js'
import type { RelayProcess } from './relay-process.js'
import { spawnRelay } from './relay-process.js'

const noteTexts = (client: Client) => new Set(listNotes(client.doc).map((note) => note.text))

type Answer = Extract<VoteReply, { kind: 'answer' }>

describe('several relays as one service', () => {
  let cluster: Cluster
  const cleanup: Array<() => unknown> = []
  /** A client through the load balancer, as a browser would connect. */
  const throughProxy = (boardId: string, token = linksOf(boardId).participant, room = boardId) =>
    connectClient(cluster, boardId, new Y.Doc(), { token, room, socket: { ca: cluster.ca } })
  const track = <T extends { destroy(): void }>(client: T): T => {
    cleanup.push(() => client.destroy())
    return client
  }

  beforeAll(async () => {
    // A short log, so that compactions run all along, racing the appends of the other relays.
    cluster = await startCluster({ env: { SAMLA_COMPACT_AFTER_UPDATES: '25', SAMLA_ROOM_IDLE_GRACE_MS: '500' } })
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  it('[RK1] clients on different relays converge, compactions racing appends lose nothing, and any relay serves any API call', async () => {
    const boardId = await createBoard(cluster.relay(0), 'Tre reläer')
    const clients = cluster.relays.flatMap((relay) => [
      track(connectClient(relay, boardId)),
      track(connectClient(relay, boardId)),
    ])
    await Promise.all(clients.map((client) => synced(client, 10_000)))
    const expected = new Set<string>()
    for (let round = 0; round < 20; round++) {
      clients.forEach((client, i) => {
        const text = `relay ${Math.floor(i / 2)} client ${i} note ${round}`
        expected.add(text)
        addNote(client.doc, { x: i * 10, y: round * 10, text, ...authorOn(boardId) })
      })
      await sleep(5)
    }
    for (const client of clients) {
      await waitFor(() => noteTexts(client).size === expected.size, 15_000, 'every note on every relay')
      expect(noteTexts(client)).toEqual(expected)
    }
    const late = track(throughProxy(boardId))
    await synced(late, 10_000)
    expect(noteTexts(late)).toEqual(expected)

    // The API on another relay than the board was made on, and through the proxy.
    const { facilitator } = linksOf(boardId)
    const board = await fetch(`${cluster.relay(1).url}/api/boards/${boardId}`, {
      headers: { authorization: `Bearer ${facilitator}` },
    })
    expect(((await board.json()) as { title: string }).title).toBe('Tre reläer')
    const exported = await fetch(`${cluster.relay(2).url}/api/boards/${boardId}/export?format=json`, {
      headers: { authorization: `Bearer ${facilitator}` },
    })
    const json = (await exported.json()) as { notes: Array<{ text: string }> }
    expect(new Set(json.notes.map((note) => note.text))).toEqual(expected)
    const history = await requestThrough(cluster, `/api/boards/${boardId}/history`, { token: facilitator })
    expect(history.status).toBe(200)
  }, 60_000)

  it('[RK2] presence reaches clients on other relays, and a killed relay’s presence is gone within seconds', async () => {
    const boardId = await createBoard(cluster.relay(0))
    const [first, second] = [cluster.relay(0), cluster.relay(1)]
    const here = track(connectClient(first, boardId))
    const there = track(connectClient(second, boardId))
    await Promise.all([synced(here), synced(there)])
    here.provider.awareness.setLocalStateField('user', { name: 'Åsa' })
    const seen = () =>
      there.provider.awareness.getStates().get(here.doc.clientID) as { user?: { name: string } } | undefined
    await waitFor(() => seen()?.user?.name === 'Åsa', 2000, 'presence across relays')

    await cluster.kill(0)
    const killedAt = Date.now()
    await waitFor(() => seen() === undefined, 10_000, "the killed relay's presence dropped")
    const goneAfterMs = Date.now() - killedAt
    // y-protocols would keep it for 30 s; the relays' heartbeats drop it within a few.
    expect(goneAfterMs).toBeLessThan(6000)
    here.destroy()
    await cluster.restart(0)
  }, 60_000)

  it('[RK3] a relay killed with SIGKILL during 1,000 updates from several writers: everything written and everything received is there afterwards', async () => {
    const boardId = await createBoard(cluster.relay(1))
    const writers = Array.from({ length: 4 }, () => track(throughProxy(boardId)))
    const watchers = Array.from({ length: 3 }, () => track(throughProxy(boardId)))
    await Promise.all([...writers, ...watchers].map((client) => synced(client, 10_000)))
    const written = new Set<string>()
    let received = new Set<string>()
    const writing = writers.map(async (writer, w) => {
      for (let i = 0; i < 250; i++) {
        const text = `writer ${w} update ${i}`
        addNote(writer.doc, { x: w, y: i, text, ...authorOn(boardId) })
        written.add(text)
        await sleep(4)
      }
    })
    await waitFor(() => written.size >= 300, 20_000, 'writing under way')
    // What the watchers were sent before the kill must survive it.
    received = new Set(watchers.flatMap((watcher) => [...noteTexts(watcher)]))
    await cluster.kill(2)
    await Promise.all(writing)
    expect(written.size).toBe(1000)

    const after = track(throughProxy(boardId))
    await synced(after, 10_000)
    await waitFor(() => noteTexts(after).size === 1000, 30_000, 'all 1,000 updates stored')
    const stored = noteTexts(after)
    for (const text of [...written, ...received]) expect(stored.has(text)).toBe(true)
    for (const watcher of watchers) await waitFor(() => noteTexts(watcher).size === 1000, 15_000, 'watchers caught up')
    await cluster.restart(2)
  }, 90_000)

  it('[RK9] relays restarted one at a time while people write lose no edit', async () => {
    const boardId = await createBoard(cluster.relay(0))
    const writers = Array.from({ length: 3 }, () => track(throughProxy(boardId)))
    await Promise.all(writers.map((writer) => synced(writer, 10_000)))
    const written = new Set<string>()
    let writing = true
    const typing = writers.map(async (writer, w) => {
      for (let i = 0; writing && i < 2000; i++) {
        const text = `writer ${w} during the upgrade ${i}`
        addNote(writer.doc, { x: w, y: i, text, ...authorOn(boardId) })
        written.add(text)
        await sleep(20)
      }
    })
    for (let i = 0; i < cluster.relays.length; i++) {
      await cluster.drain(i)
      await cluster.restart(i)
      const ready = async () => (await fetch(`${cluster.relay(i).url}/readyz`)).status === 200
      await waitFor(ready, 10_000, `relay ${i} ready again`)
      // HAProxy takes it back after two good health checks.
      await sleep(1200)
    }
    writing = false
    await Promise.all(typing)
    const after = track(throughProxy(boardId))
    await synced(after, 10_000)
    await waitFor(() => noteTexts(after).size === written.size, 20_000, 'every edit stored')
    expect(noteTexts(after)).toEqual(written)
  }, 90_000)

  it('[RK4] rotation, deletion and the lock take effect on every relay within 2 s', async () => {
    const boardId = await createBoard(cluster.relay(0))
    const links = linksOf(boardId)
    const [first, second, third] = [cluster.relay(0), cluster.relay(1), cluster.relay(2)]

    // The lock, set on one relay's control doc, holds participants on the others.
    const control = track(
      connectClient(first, boardId, new Y.Doc(), { token: links.facilitator, room: `${boardId}/control` }),
    )
    const participant = track(connectClient(second, boardId))
    const reader = track(connectClient(third, boardId))
    await Promise.all([synced(control), synced(participant), synced(reader)])
    setLocked(control.doc, true)
    await sleep(2000)
    addNote(participant.doc, { x: 0, y: 0, text: 'while locked', ...authorOn(boardId) })
    await sleep(500)
    expect(listNotes(reader.doc)).toEqual([])
    setLocked(control.doc, false)
    participant.destroy()

    // Rotation through one relay closes the old link's sockets on the others.
    const onSecond = await openRawSocket(second, boardId, undefined, links.participant)
    const onThird = await openRawSocket(third, boardId, undefined, links.participant)
    const viewer = await openRawSocket(third, boardId, undefined, links.viewer)
    cleanup.push(() => {
      for (const ws of [onSecond, onThird, viewer]) ws.terminate()
    })
    const rotatedAt = Date.now()
    const rotated = await fetch(`${first.url}/api/boards/${boardId}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${links.facilitator}` },
    })
    expect(rotated.status).toBe(200)
    expect(await Promise.all([closeCode(onSecond, 2000), closeCode(onThird, 2000)])).toEqual([
      CloseCode.LinkRotated,
      CloseCode.LinkRotated,
    ])
    expect(Date.now() - rotatedAt).toBeLessThan(2000)
    expect(viewer.readyState).toBe(WebSocket.OPEN)

    // Deletion through one relay closes every socket of the board on the others.
    const deletedAt = Date.now()
    const deleted = await fetch(`${first.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${links.facilitator}` },
    })
    expect(deleted.status).toBe(204)
    expect(await closeCode(viewer, 2000)).toBe(CloseCode.BoardDeleted)
    expect(Date.now() - deletedAt).toBeLessThan(2000)
    const gone = await fetch(`${third.url}/api/boards/${boardId}`, {
      headers: { authorization: `Bearer ${links.facilitator}` },
    })
    expect(gone.status).toBe(404)
  }, 60_000)

  it('[RK10] a dot vote across relays: one budget per person whichever relay they reach, one count', async () => {
    const boardId = await createBoard(cluster.relay(0))
    const { facilitator, participant } = linksOf(boardId)
    const board = track(connectClient(cluster.relay(0), boardId, new Y.Doc(), { token: facilitator }))
    const control = track(
      connectClient(cluster.relay(0), boardId, new Y.Doc(), { token: facilitator, room: `${boardId}/control` }),
    )
    await Promise.all([synced(board), synced(control)])
    const noteId = addNote(board.doc, { x: 0, y: 0, text: 'Gemensam skolskjuts' })
    startVote(control.doc, { budget: 2, capPerNote: 2 })
    /** A connection that asks for dots with the device key of one person; answers by request number. */
    const voter = async (relay: RelayProcess, deviceKey: string, token = participant) => {
      const params = new URLSearchParams({ token, [DEVICE_KEY_PARAM]: deviceKey })
      const ws = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/ws/${boardId}?${params}`)
      cleanup.push(() => ws.terminate())
      const replies: VoteReply[] = []
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) === VOTE_MESSAGE) replies.push(decodeVoteReply(decoder))
      })
      await new Promise((resolve) => ws.once('open', resolve))
      let request = 1
      return {
        replies,
        watch: () => ws.send(encodeVoteRequest({ kind: 'watch' })),
        async add(): Promise<Answer> {
          const asked = request++
          ws.send(encodeVoteRequest({ kind: 'add', request: asked, noteId }))
          const answer = () =>
            replies.find((reply): reply is Answer => reply.kind === 'answer' && reply.request === asked)
          await waitFor(() => answer() !== undefined, 5000, 'answer')
          return answer() as Answer
        },
      }
    }
    // The vote opened on relay 0 reaches the others' control state.
    await sleep(1000)
    // The same person on two relays, both with the board loaded before any dot.
    const onFirst = await voter(cluster.relay(1), 'kommun-a-device-key-0001')
    const onSecond = await voter(cluster.relay(2), 'kommun-a-device-key-0001')
    onSecond.watch()
    expect((await onFirst.add()).refusal).toBe(null)
    // Once the dot's news has reached the other relay (its view shows it; on a busy machine that can
    // take longer than any fixed wait), they have one dot left there, not two.
    const mineOnSecond = () => onSecond.replies.at(-1)?.view.mine.get(noteId)
    await waitFor(() => mineOnSecond() === 1, 5000, 'the first dot heard on the other relay')
    expect((await onSecond.add()).refusal).toBe(null)
    const third = await onSecond.add()
    expect(third.refusal).not.toBe(null)
    expect(third.view.mine.get(noteId)).toBe(2)
    const other = await voter(cluster.relay(1), 'kommun-b-device-key-0002')
    expect((await other.add()).refusal).toBe(null)
    // The facilitator, on the third relay, counts three dots from two people.
    const counter = await voter(cluster.relay(0), 'facilitator-device-key-0003', facilitator)
    const view = () => counter.replies.at(-1)?.view
    counter.watch()
    await waitFor(() => view()?.totals?.get(noteId) === 3, 5000, 'the count')
    expect(view()?.voters).toBe(2)
  }, 60_000)

  it('[RK5] the per-address limits are one budget for the whole service', async () => {
    // A service of its own, with a budget of six websocket upgrades a minute per address.
    const small = await startCluster({ env: { SAMLA_CONNECTS_PER_ADDRESS_PER_MINUTE: '6' } })
    cleanup.push(() => small.stop())
    const boardId = await createBoard(small.relay(0))
    const statuses: number[] = []
    for (let i = 0; i < 9; i++) {
      const relay = small.relay(i % 3)
      const url = `${relay.url.replace(/^http/, 'ws')}/ws/${boardId}?token=${linksOf(boardId).viewer}`
      statuses.push(
        await new Promise<number>((resolve) => {
          const ws = new WebSocket(url)
          ws.once('open', () => {
            ws.terminate()
            resolve(101)
          })
          ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
          ws.once('error', () => undefined)
        }),
      )
    }
    expect(statuses).toEqual([101, 101, 101, 101, 101, 101, 429, 429, 429])
  }, 60_000)
})

describe('a Redis restart', () => {
  it('[RK6] during writes loses nothing, and fan-out across relays resumes', async () => {
    const redis = await startOwnRedis()
    const cluster = await startCluster({ redisUrl: redis.url })
    const clients: Client[] = []
    try {
      const boardId = await createBoard(cluster.relay(0))
      const [first, second] = [cluster.relay(0), cluster.relay(1)]
      const writer = connectClient(first, boardId)
      const reader = connectClient(second, boardId)
      clients.push(writer, reader)
      await Promise.all([synced(writer), synced(reader)])
      const written: string[] = []
      const write = (text: string) => {
        addNote(writer.doc, { x: 0, y: written.length, text, ...authorOn(boardId) })
        written.push(text)
      }
      for (let i = 0; i < 50; i++) {
        write(`before ${i}`)
        await sleep(5)
      }
      await redis.stop()
      for (let i = 0; i < 50; i++) {
        write(`while Redis is down ${i}`)
        await sleep(5)
      }
      await sleep(500)
      await redis.start()
      await waitFor(() => noteTexts(reader).size === written.length, 15_000, 'what was written meanwhile')
      // Fan-out is back: a new note reaches the other relay's client within a second.
      write('after the restart')
      const sentAt = Date.now()
      await waitFor(() => noteTexts(reader).has('after the restart'), 5000, 'fan-out resumed')
      expect(Date.now() - sentAt).toBeLessThan(1000)
      expect(noteTexts(reader)).toEqual(new Set(written))
    } finally {
      for (const client of clients) client.destroy()
      await cluster.stop()
      await redis.stop()
    }
  }, 90_000)
})

describe('confirmation', () => {
  it('[RK8] the answer to a sync step 1 that confirms an update comes only after PostgreSQL committed it', async () => {
    const database = await createTestDatabase()
    const postgres = await openPostgresStorage(database.url)
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    let committedAt = Number.POSITIVE_INFINITY
    // Every commit waits at the gate, as if PostgreSQL were slow.
    const storage: Storage = Object.create(postgres)
    storage.appendUpdate = async (doc, update) => {
      await gate
      const seq = await postgres.appendUpdate(doc, update)
      committedAt = performance.now()
      return seq
    }
    const relay = await startRelay({ storage, secret: 's'.repeat(40) })
    try {
      const boardId = await createBoard(relay)
      const ws = new WebSocket(
        `${relay.url.replace(/^http/, 'ws')}/ws/${boardId}?token=${linksOf(boardId).participant}&${DEVICE_KEY_PARAM}=${TEST_DEVICE_KEY}`,
      )
      await new Promise((resolve) => ws.once('open', resolve))
      let answeredAt = Number.POSITIVE_INFINITY
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1) answeredAt = performance.now()
      })
      const doc = new Y.Doc()
      addNote(doc, { x: 0, y: 0, text: 'bekräftad', ...authorOn(boardId) })
      ws.send(updateFrame(Y.encodeStateAsUpdate(doc)))
      const step1 = encoding.createEncoder()
      encoding.writeVarUint(step1, 0)
      syncProtocol.writeSyncStep1(step1, doc)
      ws.send(encoding.toUint8Array(step1))
      await sleep(300)
      expect(answeredAt).toBe(Number.POSITIVE_INFINITY)
      release()
      await waitFor(() => answeredAt < Number.POSITIVE_INFINITY, 5000, 'the answer')
      expect(answeredAt).toBeGreaterThanOrEqual(committedAt)
      const stored = await postgres.loadDoc({ boardId, kind: 'board' })
      const check = new Y.Doc()
      for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(check, update)
      expect(listNotes(check).map((note) => note.text)).toEqual(['bekräftad'])
      ws.terminate()
    } finally {
      release()
      await relay.close()
      await database.drop()
    }
  })
})

describe('settings', () => {
  it('[RK7] a relay given a database or Redis but no secret refuses to start, and says why', async () => {
    const started = spawnRelay('/tmp', 0, { SAMLA_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' })
    await expect(started).rejects.toThrow(/SAMLA_SECRET must be set/)
    const redisOnly = spawnRelay('/tmp', 0, { SAMLA_REDIS_URL: 'redis://127.0.0.1:6379', SAMLA_SECRET: 'x'.repeat(40) })
    await expect(redisOnly).rejects.toThrow(/SAMLA_REDIS_URL needs SAMLA_DATABASE_URL/)
  })
})

/**
 * The relay's limits (config.ts RelayLimits), each hit on purpose with a real relay and real
 * sockets: board size, connections per board and per address, awareness ownership and caps,
 * slow consumers, liveness pings; plus the health and metrics endpoints.
 */
import { addNote, listNotes } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode, type Relay, type RelayLimits } from '../src/index.js'
import {
  authorOn,
  awarenessFrame,
  type Client,
  closeCode,
  connectClient,
  createBoard,
  holdsFor,
  memoryAfterGc,
  metricValue,
  openRawSocket,
  startRelay,
  synced,
  updateFrame,
  waitFor,
} from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Test')

/** Resolves once the relay answers a query on `ws`, which it does only on a socket it accepted. */
async function accepted(ws: WebSocket): Promise<void> {
  let answered = false
  ws.once('message', () => {
    answered = true
  })
  ws.send(new Uint8Array([3])) // query awareness
  await waitFor(() => answered, 5000, 'an answer from the relay')
}

describe('relay limits', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function start(limits: Partial<RelayLimits> = {}): Promise<Relay> {
    const relay = await startRelay({ limits })
    cleanup.push(() => relay.close())
    return relay
  }
  function client(relay: Relay, boardId: string): Client {
    const c = connectClient(relay, boardId)
    cleanup.push(() => c.destroy())
    return c
  }
  async function raw(relay: Relay, boardId: string, options?: { autoPong: boolean }): Promise<WebSocket> {
    const ws = await openRawSocket(relay, boardId, options)
    cleanup.push(() => ws.terminate())
    return ws
  }
  /** Adds a note on `writer` and waits until every reader has it. */
  async function roundTrip(writer: Client, readers: Client[], text: string): Promise<void> {
    addNote(writer.doc, { x: 0, y: 0, text })
    for (const reader of readers) {
      await waitFor(() => listNotes(reader.doc).some((n) => n.text === text), 5000, `"${text}" synced`)
    }
  }

  it('[RM1] an update past maxBoardBytes closes its socket with 4413 and is not stored', async () => {
    const relay = await start({ maxBoardBytes: 16 * 1024 })
    const boardId = await createBoard(relay)
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    await roundTrip(a, [b], 'small')

    const big = new Y.Doc()
    for (let i = 0; i < 10; i++) addNote(big, { x: i, y: 0, text: 'x'.repeat(2000), ...author(boardId) })
    const bad = await raw(relay, boardId)
    const closed = closeCode(bad)
    bad.send(updateFrame(Y.encodeStateAsUpdate(big)))
    expect(await closed).toBe(CloseCode.BoardTooLarge)
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'board-too-large' })).toBe(1)

    const fresh = client(relay, boardId)
    await synced(fresh)
    expect(listNotes(fresh.doc).map((n) => n.text)).toEqual(['small'])
    await roundTrip(b, [a, fresh], 'still works')
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
  })

  it('[RM1b] updates with withheld dependencies are capped and never reach joiners or snapshots', async () => {
    // The board may grow to 1 MiB, but at most 64 KiB may wait for missing dependencies.
    const maxBoardBytes = 1024 * 1024
    const relay = await start({ maxBoardBytes, maxUnresolvedBytes: 64 * 1024, compactAfterUpdates: 1 })
    const boardId = await createBoard(relay)
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    const attacker = await raw(relay, boardId)
    const closed = closeCode(attacker)
    for (let i = 0; i < 20; i++) {
      const doc = new Y.Doc()
      doc.clientID = 1000 + i
      doc.getMap('withheld').set('first', 'never sent')
      const known = Y.encodeStateVector(doc)
      for (let k = 0; k < 10; k++) addNote(doc, { x: k, y: i, text: 'x'.repeat(2000), ...author(boardId) })
      if (attacker.readyState === attacker.OPEN) attacker.send(updateFrame(Y.encodeStateAsUpdate(doc, known)))
    }
    // Held-back updates are capped (here 64 KiB), then dropped and their sender closed.
    expect(await closed).toBe(CloseCode.MalformedMessage)
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'unresolved' })).toBe(1)

    const probe = await raw(relay, boardId)
    let fullState = 0
    probe.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) fullState = data.length // sync step 2
    })
    // Sync step 1 with a state vector of one unrelated client (7 at clock 1), so the reply is not the cached one.
    probe.send(new Uint8Array([0, 0, 3, 1, 7, 1]))
    await waitFor(() => fullState > 0, 5000, 'full state')
    expect(fullState).toBeLessThanOrEqual(64 * 1024) // none of the withheld-dependency updates reach joiners
    await roundTrip(a, [b], 'first edit, then a compaction')
    await waitFor(async () => (await metricValue(relay, 'samla_compactions_total')) >= 1, 5000, 'compaction')
    await roundTrip(a, [b], 'second edit')
  })

  it('[RM2] a connection past maxConnectionsPerRoom is closed with 4503, the others unaffected', async () => {
    const relay = await start({ maxConnectionsPerRoom: 2 })
    const boardId = await createBoard(relay)
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    const third = await raw(relay, boardId)
    expect(await closeCode(third)).toBe(CloseCode.BoardFull)
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'room-full' })).toBe(1)
    await roundTrip(a, [b], 'two is company')
    // The limit is per board: another board still has room.
    await accepted(await raw(relay, await createBoard(relay)))
  })

  it('[RM3] a connection past maxConnectionsPerAddress is closed with 4429 until one leaves', async () => {
    const relay = await start({ maxConnectionsPerAddress: 2 })
    const first = await raw(relay, await createBoard(relay))
    const second = await raw(relay, await createBoard(relay))
    const third = await raw(relay, await createBoard(relay))
    expect(await closeCode(third)).toBe(CloseCode.TooManyFromAddress)
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'address-limit' })).toBe(1)
    expect(first.readyState === first.OPEN && second.readyState === second.OPEN).toBe(true)
    first.close()
    await waitFor(async () => (await metricValue(relay, 'samla_connections')) === 1, 5000, 'slot freed')
    await accepted(await raw(relay, await createBoard(relay)))
  })

  it('[RM4] a socket cannot set or remove awareness it does not own, nor own more than the cap', async () => {
    const relay = await start({ maxAwarenessEntriesPerConnection: 2 })
    const boardId = await createBoard(relay)
    const victim = client(relay, boardId)
    const observer = client(relay, boardId)
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim' })
    const victimId = victim.doc.clientID
    const seen = (id: number) => observer.provider.awareness.getStates().get(id)
    await waitFor(() => seen(victimId)?.user?.name === 'Victim', 5000, 'victim presence')
    const clock = victim.provider.awareness.meta.get(victimId)?.clock ?? 0

    const attacker = await raw(relay, boardId)
    attacker.send(awarenessFrame([{ clientId: victimId, clock: clock + 10, state: { user: { name: 'Mallory' } } }]))
    attacker.send(awarenessFrame([{ clientId: victimId, clock: clock + 11, state: null }]))
    // Its own entry arrives after the forgeries, so once the observer has it they were handled.
    attacker.send(awarenessFrame([{ clientId: 4242, clock: 1, state: { user: { name: 'Attacker' } } }]))
    await waitFor(() => seen(4242)?.user?.name === 'Attacker', 5000, 'attacker presence')
    expect(seen(victimId)).toEqual({ user: { name: 'Victim' } })
    // At least: y-websocket clients also echo every remote entry back, and those are refused too.
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'awareness-not-own' })).toBeGreaterThanOrEqual(2)

    const greedy = await raw(relay, boardId)
    for (const id of [5001, 5002, 5003, 5004]) greedy.send(awarenessFrame([{ clientId: id, clock: 1, state: { id } }]))
    greedy.send(awarenessFrame([{ clientId: 5001, clock: 2, state: { id: 5001, last: true } }]))
    await waitFor(() => seen(5001)?.last === true, 5000, 'greedy last update')
    expect([5001, 5002, 5003, 5004].filter((id) => seen(id) !== undefined)).toEqual([5001, 5002])
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'awareness-cap' })).toBe(2)
    expect(seen(victimId)).toEqual({ user: { name: 'Victim' } })
  })

  it('[RM4b] a client whose connection dropped gets its presence back after reconnecting', async () => {
    const relay = await start()
    const boardId = await createBoard(relay)
    const victim = client(relay, boardId)
    const observer = client(relay, boardId)
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim' })
    const seen = () => observer.provider.awareness.getStates().get(victim.doc.clientID)
    await waitFor(() => seen()?.user?.name === 'Victim', 5000, 'victim presence')

    const messagesIn = await metricValue(relay, 'samla_messages_in_total')
    // A dropped network connection: no close frame, no goodbye.
    ;(victim.provider.ws as unknown as WebSocket).terminate()
    victim.provider.disconnect()
    await waitFor(() => seen() === undefined, 5000, 'victim presence removed')
    await waitFor(async () => (await metricValue(relay, 'samla_messages_in_total')) > messagesIn, 5000, 'echo')
    victim.provider.connect()
    await synced(victim)
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim again' })
    await waitFor(() => seen()?.user?.name === 'Victim again', 2000, 'victim presence after reconnecting')
  })

  it('[RM5] a reader that stops reading is dropped at sendHighWaterBytes; the others keep syncing', async () => {
    // The writer sends ~100 KB a round as fast as it can: its budget is lifted, only the reader is tested.
    const relay = await start({ sendHighWaterBytes: 64 * 1024, updateBytesPerSecond: 1024 * 1024 * 1024 })
    const boardId = await createBoard(relay)
    const writer = client(relay, boardId)
    const reader = client(relay, boardId)
    await Promise.all([synced(writer), synced(reader)])
    const slow = await raw(relay, boardId)
    await accepted(slow)
    ;(slow as unknown as { _socket: { pause(): void } })._socket.pause()
    const buffersBefore = memoryAfterGc().arrayBuffers

    // ~100 KB per update; the kernel's socket buffers absorb a few MB before the relay buffers any.
    const perRound = 50
    let rounds = 0
    const writeRound = async () => {
      rounds++
      writer.doc.transact(() => {
        for (let i = 0; i < perRound; i++)
          addNote(writer.doc, { x: i, y: rounds, text: 'x'.repeat(2000), ...author(boardId) })
      })
      await waitFor(() => reader.doc.getMap('notes').size === rounds * perRound, 5000, `round ${rounds} in reader`)
    }
    while ((await metricValue(relay, 'samla_slow_consumers_dropped_total')) === 0) {
      if (rounds >= 300) throw new Error('slow consumer never dropped')
      await writeRound()
    }
    await waitFor(async () => (await metricValue(relay, 'samla_connections')) === 2, 5000, 'slow socket closed')
    // Another ~2 MB that a kept slow socket would have had to buffer.
    for (let i = 0; i < 20; i++) await writeRound()
    expect(await metricValue(relay, 'samla_slow_consumers_dropped_total')).toBe(1)
    // Unsent data sits in Buffers, outside the heap: none of the slow socket's backlog is held. (Retried,
    // because V8 frees Buffers' memory a little after the collection that found them unreachable.)
    await waitFor(() => memoryAfterGc().arrayBuffers - buffersBefore < 1024 * 1024, 2000, 'buffers released')

    await roundTrip(writer, [reader], 'after the drop')
    await roundTrip(reader, [writer], 'and back')
    const late = client(relay, boardId)
    await synced(late)
    expect(late.doc.getMap('notes').size).toBe(rounds * perRound + 2)
  })

  it('[RM6] a socket that does not answer pings is dropped; a normal client stays', async () => {
    const pingIntervalMs = 100
    const relay = await start({ pingIntervalMs })
    const boardId = await createBoard(relay)
    const a = client(relay, boardId)
    const b = client(relay, boardId)
    await Promise.all([synced(a), synced(b)])
    const mute = await raw(relay, boardId, { autoPong: false })
    const started = Date.now()
    await closeCode(mute, 10 * pingIntervalMs)
    expect(Date.now() - started).toBeLessThan(5 * pingIntervalMs)
    await waitFor(async () => (await metricValue(relay, 'samla_connections')) === 2, 5000, 'mute socket gone')
    await holdsFor(() => a.provider.wsconnected && b.provider.wsconnected, 5 * pingIntervalMs, 'clients connected')
    await roundTrip(a, [b], 'still alive')
  })

  it('[RM7] a frame over maxFrameBytes is counted as samla_rejected_total{reason="too-big"}', async () => {
    const relay = await start({ maxFrameBytes: 1024 })
    const bad = await raw(relay, await createBoard(relay))
    const closed = closeCode(bad)
    bad.send(new Uint8Array(2048))
    expect(await closed).toBe(CloseCode.MessageTooBig)
    await waitFor(async () => (await metricValue(relay, 'samla_connections')) === 0, 5000, 'relay saw the close')
    expect(await metricValue(relay, 'samla_rejected_total', { reason: 'too-big' })).toBe(1)
  })

  it('[RM7b] /readyz and /metrics report a live relay and refused frames', async () => {
    const relay = await start()
    const ready = await fetch(`${relay.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })

    const boardId = await createBoard(relay)
    const a = client(relay, boardId)
    await synced(a)
    const bad = await raw(relay, boardId)
    const closed = closeCode(bad)
    bad.send(new Uint8Array([0xff, 0xff, 0xff]))
    expect(await closed).toBe(CloseCode.MalformedMessage)
    await waitFor(async () => (await metricValue(relay, 'samla_connections')) === 1, 5000, 'relay saw the close')

    const text = await (await fetch(`${relay.url}/metrics`)).text()
    const value = (series: string) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)?.[1])
    expect(value('samla_rooms')).toBe(1)
    expect(value('samla_connections')).toBe(1)
    expect(value('samla_messages_in_total')).toBeGreaterThanOrEqual(2)
    expect(value('samla_bytes_out_total')).toBeGreaterThan(0)
    expect(value('samla_rejected_total\\{reason="malformed"\\}')).toBe(1)
  })
})

/**
 * Fault tests against the relay as a real process: SIGKILL in the middle of a stream of updates
 * (nothing any client received is lost; unsent edits arrive after reconnecting) and SIGTERM
 * (sockets closed with 1012, state flushed, exit code 0).
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { addNote, listNotes } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode, type Relay } from '../src/index.js'
import {
  authorOn,
  type Client,
  closeCode,
  connectClient,
  createBoard,
  startRelay,
  synced,
  tempDataDir,
  tokenFor,
  waitFor,
} from './helpers.js'
import { type RelayProcess, spawnRelay } from './relay-process.js'

const asRelay = (p: RelayProcess) => ({ url: p.url }) as Relay
const noteIds = (client: Client) => new Set(listNotes(client.doc).map((note) => note.id))

describe('relay process faults', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function start(dataDir: string, port = 0) {
    const relay = await spawnRelay(dataDir, port)
    cleanup.push(() => {
      relay.child.kill('SIGKILL')
      return relay.exited
    })
    return relay
  }

  it('[RF1] SIGKILL during 1,000 updates loses nothing any client received', async () => {
    const dataDir = tempDataDir()
    const first = await start(dataDir)
    const boardId = await createBoard(asRelay(first))
    const writers = [0, 1, 2].map(() => connectClient(asRelay(first), boardId))
    const observer = connectClient(asRelay(first), boardId)
    cleanup.push(() => {
      for (const c of [...writers, observer]) c.destroy()
    })
    await Promise.all([...writers, observer].map((c) => synced(c)))

    const created: string[] = []
    const total = 1000
    let killedAt = -1
    let seenBeforeKill = new Set<string>()
    for (let i = 0; i < total; i++) {
      const writer = writers[i % writers.length] as Client
      created.push(addNote(writer.doc, { x: i, y: i, text: `update ${i}`, ...authorOn(boardId, 'W') }))
      if (i === total / 2) {
        // Everything the observer holds now came to it from the relay, so the relay had stored it.
        await new Promise((resolve) => setTimeout(resolve, 20))
        seenBeforeKill = noteIds(observer)
        first.child.kill('SIGKILL')
        await first.exited
        killedAt = i
      }
      if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect(killedAt).toBeGreaterThan(0)
    expect(seenBeforeKill.size).toBeGreaterThan(0)

    const second = await start(dataDir, first.port)
    await waitFor(() => writers.every((w) => w.provider.wsconnected && w.provider.synced), 15_000, 'writers reconnect')
    const fresh = connectClient(asRelay(second), boardId)
    cleanup.push(() => fresh.destroy())
    await synced(fresh)
    await waitFor(() => noteIds(fresh).size === total, 15_000, 'all 1,000 updates on the restarted relay')
    const stored = noteIds(fresh)
    for (const id of seenBeforeKill) expect(stored.has(id)).toBe(true)
    for (const id of created) expect(stored.has(id)).toBe(true)
  }, 60_000)

  it('[RF2] SIGTERM closes sockets with 1012, flushes, and exits 0', async () => {
    const dataDir = tempDataDir()
    const relay = await start(dataDir)
    const boardId = await createBoard(asRelay(relay))
    const writer = connectClient(asRelay(relay), boardId)
    cleanup.push(() => writer.destroy())
    await synced(writer)
    for (let i = 0; i < 30; i++) addNote(writer.doc, { x: i, y: 0, text: `n${i}`, ...authorOn(boardId, 'A') })
    const raw = new WebSocket(`${relay.url.replace('http', 'ws')}/ws/${boardId}?token=${tokenFor(boardId)}`)
    await new Promise((resolve) => raw.once('open', resolve))
    await waitFor(() => noteIds(writer).size === 30)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const code = closeCode(raw)
    relay.child.kill('SIGTERM')
    expect(await code).toBe(CloseCode.ServiceRestart)
    expect(await relay.exited).toBe(0)

    const again = await start(dataDir)
    const reader = connectClient(asRelay(again), boardId)
    cleanup.push(() => reader.destroy())
    await synced(reader)
    await waitFor(() => noteIds(reader).size === 30, 10_000, 'notes after a graceful restart')
  }, 60_000)

  it('[RF4] a reset in the middle of a websocket upgrade, accepted or refused, never takes the relay down', async () => {
    const relay = await start(tempDataDir())
    const boardId = await createBoard(asRelay(relay))
    const paths = [
      `/ws/${boardId}?token=${tokenFor(boardId)}`,
      `/ws/${boardId}?token=wrong`,
      '/ws/AAAAAAAAAAAAAAAAAAAAAA',
    ]
    // A page that closes a socket still connecting (a board link refused, a tab closed) resets it.
    for (let attempt = 0; attempt < 60; attempt++) {
      const socket = net.connect(relay.port, '127.0.0.1')
      const connected = new Promise((resolve, reject) => {
        socket.once('connect', resolve)
        socket.once('error', reject)
      })
      socket.on('error', () => {})
      await connected
      socket.write(
        `GET ${paths[attempt % paths.length]} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      )
      await new Promise((resolve) => setTimeout(resolve, attempt % 4))
      socket.resetAndDestroy()
    }
    const health = await fetch(`${relay.url}/healthz`)
    expect(health.status).toBe(200)
    expect(relay.child.exitCode).toBeNull()
  }, 30_000)
})

describe('a damaged database', () => {
  it('[RF3] is reported clearly at start and left untouched, never replaced', async () => {
    const dataDir = tempDataDir()
    const file = path.join(dataDir, 'samla.sqlite')
    const first = await startRelay({ dataDir })
    await createBoard(first)
    await first.close()
    // Overwrite the middle of the file, where table pages live, keeping the header readable.
    const bytes = fs.readFileSync(file)
    bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 3))
    fs.writeFileSync(file, bytes)
    const damaged = fs.readFileSync(file)
    await expect(startRelay({ dataDir })).rejects.toThrow(/damaged|malformed|not a database/i)
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)

    const child = await spawnRelay(dataDir).then(
      () => 'started',
      (error: Error) => error.message,
    )
    expect(child).toMatch(/exited with 1/)
    expect(child).toMatch(/damaged|malformed|not a database/i)
  })
})

/**
 * Storage failure on a real, small file system: the data directory is a 4 MiB tmpfs the test mounts
 * and a filler file takes its free space, as a full disk would. Mounting needs root; without it (or
 * without the right to mount) the tests are skipped, and say so.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addNote, listNotes, startVote } from '@samla/board'
import { CloseCode, DEVICE_KEY_PARAM, encodeVoteRequest } from '@samla/protocol'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { openSqliteStorage, type Relay, type Storage } from '../src/index.js'
import {
  authorOn,
  type Client,
  closeCode,
  connectClient,
  createBoard,
  holdsFor,
  linksOf,
  startRelay,
  synced,
  tempDataDir,
  waitFor,
} from './helpers.js'
import { type RelayProcess, spawnRelay } from './relay-process.js'

const MOUNT_SIZE = '4m'

/** Mounts a small tmpfs on a new folder. */
function mountSmallDisk(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-small-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${MOUNT_SIZE}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return dir
}

function unmount(dir: string): void {
  // Lazily, so a socket or file a failed test left open cannot keep the mount behind.
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
  fs.rmSync(dir, { recursive: true, force: true })
}

/** Takes all but `leaveBytes` of the file system's free space with one file, as a full disk would. */
function fillDisk(dir: string, leaveBytes = 0): string {
  const filler = path.join(dir, 'filler')
  const { bavail, bsize } = fs.statfsSync(dir)
  fs.writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leaveBytes)))
  return filler
}

const texts = (client: Client) => listNotes(client.doc).map((note) => note.text)

async function status(url: string, token?: string): Promise<number> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : undefined)
  await response.arrayBuffer()
  return response.status
}

/** Why this process cannot mount a tmpfs (tried once and undone at once), or null when it can. */
function whyNoSmallDisk(): string | null {
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs for the data directory needs root'
  try {
    unmount(mountSmallDisk())
    return null
  } catch (error) {
    return `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}`
  }
}

const cannotMount = whyNoSmallDisk()
if (cannotMount) console.warn(`[RD1]–[RD2] skipped: ${cannotMount}`)

describe.skipIf(cannotMount !== null)('storage failure', () => {
  // Mounted only when these tests run (not when filtered out), and unmounted after them, failed or not.
  let disk = ''
  // Each test takes its own folder on the one mount; the filler is removed whatever happens.
  let dataDir = ''
  let filler: string | null = null
  const cleanup: Array<() => unknown> = []

  beforeAll(() => {
    disk = mountSmallDisk()
  })
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
    if (filler) fs.rmSync(filler, { force: true })
    filler = null
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })
  afterAll(() => {
    if (disk) unmount(disk)
  })

  const newDataDir = () => {
    dataDir = fs.mkdtempSync(path.join(disk, 'data-'))
    return dataDir
  }

  it('[RD1] a full disk closes the writer with 1011 and serves only what was stored; once space returns the relay is ready again and the edit made meanwhile is stored', async () => {
    const dir = newDataDir()
    const relay: Relay = await startRelay({ dataDir: dir, limits: { storageProbeIntervalMs: 100 } })
    cleanup.push(() => relay.close())
    const boardId = await createBoard(relay)
    const { viewer, facilitator } = linksOf(boardId)
    const writer = connectClient(relay, boardId)
    const reader = connectClient(relay, boardId)
    cleanup.push(
      () => writer.destroy(),
      () => reader.destroy(),
    )
    await Promise.all([synced(writer), synced(reader)])
    addNote(writer.doc, { x: 1, y: 1, text: 'stored before', ...authorOn(boardId) })
    await waitFor(() => texts(reader).includes('stored before'), 10_000, 'first note')
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))

    filler = fillDisk(dir)
    addNote(writer.doc, { x: 2, y: 2, text: 'written as the disk filled', ...authorOn(boardId) })
    await waitFor(() => closes.includes(CloseCode.InternalError), 10_000, 'the writer closed with 1011')
    const ready = await fetch(`${relay.url}/readyz`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toEqual({ status: 'storage-failing' })
    expect(await status(`${relay.url}/api/boards/${boardId}/snapshot`, viewer)).toBe(503)

    // Someone joining now gets the board as stored, and stays while the writer is refused.
    const joiner = connectClient(relay, boardId, new Y.Doc(), { token: viewer })
    cleanup.push(() => joiner.destroy())
    await synced(joiner, 10_000)
    expect(texts(joiner)).toEqual(['stored before'])
    addNote(writer.doc, { x: 3, y: 3, text: 'written while full', ...authorOn(boardId) })
    await holdsFor(
      () => joiner.provider.wsconnected && texts(joiner).length === 1 && texts(reader).length === 1,
      1500,
      'readers connected and served only what was stored',
    )
    const exported = await fetch(`${relay.url}/api/boards/${boardId}/export?format=md`, {
      headers: { authorization: `Bearer ${facilitator}` },
    })
    expect(await exported.text()).not.toContain('while full')

    fs.rmSync(filler)
    filler = null
    await waitFor(async () => (await status(`${relay.url}/readyz`)) === 200, 10_000, 'ready again')
    const all = ['stored before', 'written as the disk filled', 'written while full']
    await waitFor(() => texts(joiner).length === 3, 20_000, "the writer's edits stored and sent")
    expect(texts(joiner).sort()).toEqual(all)
    expect(await status(`${relay.url}/api/boards/${boardId}/snapshot`, viewer)).toBe(200)

    // Stored for real: a relay started afresh on the same directory has them.
    await relay.close()
    const again = await startRelay({ dataDir: dir })
    cleanup.push(() => again.close())
    const check = connectClient(again, boardId)
    cleanup.push(() => check.destroy())
    await synced(check, 10_000)
    expect(texts(check).sort()).toEqual(all)
  }, 90_000)

  it('[RD2] a nearly full disk: a history snapshot that cannot be stored leaves the relay process up and serving, also after a restart', async () => {
    const dir = newDataDir()
    const env = { SAMLA_STORAGE_PROBE_INTERVAL_MS: '100' }
    let relay: RelayProcess = await spawnRelay(dir, 0, env)
    const stop = async (running: RelayProcess) => {
      running.child.kill('SIGTERM')
      return running.exited
    }
    cleanup.push(() => relay.child.exitCode === null && stop(relay))
    const big = await createBoard(relay, 'big board')
    const other = await createBoard(relay, 'other board')
    // About 320 kB of notes: a history snapshot of it cannot fit in what the filler leaves.
    const filling = connectClient(relay, big, new Y.Doc(), { token: linksOf(big).facilitator })
    cleanup.push(() => filling.destroy())
    await synced(filling, 10_000)
    for (let i = 0; i < 160; i++) addNote(filling.doc, { x: i, y: i, text: `${i} ${'x'.repeat(1990)}` })
    const counter = connectClient(relay, big)
    cleanup.push(() => counter.destroy())
    await waitFor(() => listNotes(counter.doc).length === 160, 20_000, 'the big board stored')
    filling.destroy()
    counter.destroy()
    expect(await stop(relay)).toBe(0)

    // 160 kB free: SQLite's shared memory and a few appends fit, a snapshot of the big board does not.
    filler = fillDisk(dir, 160 * 1024)
    for (const round of [1, 2]) {
      // Snapshots are taken once per interval per board, whichever process took the last (the first
      // relay took one as the board began): a short interval makes each restart's first change take one.
      relay = await spawnRelay(dir, 0, { ...env, SAMLA_HISTORY_INTERVAL_MS: '50' })
      let output = ''
      relay.child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
      })
      // After a restart the board's first stored change takes a scheduled snapshot, which fails.
      const writer = connectClient(relay, big)
      cleanup.push(() => writer.destroy())
      await synced(writer, 10_000)
      const text = `written on a nearly full disk, round ${round}`
      addNote(writer.doc, { x: 1, y: 1, text, ...authorOn(big) })
      const failed = () => output.includes('scheduled history snapshot failed')
      await waitFor(() => failed() || relay.child.exitCode !== null, 15_000, 'the snapshot tried')
      expect(relay.child.exitCode).toBe(null)
      expect(failed()).toBe(true)
      const reader = connectClient(relay, big)
      cleanup.push(() => reader.destroy())
      await waitFor(() => texts(reader).includes(text), 15_000, 'the append stored')

      // Still up, and serving other boards: their edits are stored once the probe finds storage working.
      const a = connectClient(relay, other)
      const b = connectClient(relay, other)
      cleanup.push(
        () => a.destroy(),
        () => b.destroy(),
      )
      await Promise.all([synced(a, 10_000), synced(b, 10_000)])
      addNote(a.doc, { x: 1, y: 1, text: `other board, round ${round}`, ...authorOn(other) })
      await waitFor(() => texts(b).includes(`other board, round ${round}`), 15_000, 'the other board syncs')
      expect(relay.child.exitCode).toBe(null)
      expect(await status(`${relay.url}/healthz`)).toBe(200)
      for (const client of [writer, reader, a, b]) client.destroy()
      expect(await stop(relay)).toBe(0)
    }
  }, 150_000)
})

describe('a vote whose write fails', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  it('[RD3] a dot that cannot be stored closes its asker with 1011 (a close the app reconnects after, not 4400), is not counted, and the relay goes on', async () => {
    // The one test here that needs no root: SQLite's own error, as a full disk gives it, on the ballot write.
    const sqlite = openSqliteStorage(tempDataDir())
    let full = false
    const storage: Storage = Object.create(sqlite)
    storage.setDots = async (...args) => {
      if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      await sqlite.setDots(...args)
    }
    const relay = await startRelay({ storage, limits: { storageProbeIntervalMs: 100 } })
    cleanup.push(
      () => sqlite.close(),
      () => relay.close(),
    )
    const boardId = await createBoard(relay)
    const { facilitator, participant } = linksOf(boardId)
    const board = connectClient(relay, boardId, new Y.Doc(), { token: facilitator })
    const control = connectClient(relay, boardId, new Y.Doc(), { token: facilitator, room: `${boardId}/control` })
    cleanup.push(
      () => board.destroy(),
      () => control.destroy(),
    )
    await Promise.all([synced(board), synced(control)])
    const noteId = addNote(board.doc, { x: 0, y: 0, text: 'Buss' })
    startVote(control.doc, { budget: 3, capPerNote: 3 })
    const reader = connectClient(relay, boardId)
    cleanup.push(() => reader.destroy())
    await waitFor(() => listNotes(reader.doc).length === 1, 5000, 'the note stored')

    full = true
    const url = `${relay.url.replace(/^http/, 'ws')}/ws/${boardId}?token=${participant}&${DEVICE_KEY_PARAM}=voter-device-key-0123`
    const voter = new WebSocket(url)
    cleanup.push(() => voter.terminate())
    await new Promise((resolve) => voter.once('open', resolve))
    voter.send(encodeVoteRequest({ kind: 'add', request: 1, noteId }))
    expect(await closeCode(voter)).toBe(CloseCode.InternalError)
    expect((await sqlite.loadBallots(boardId)).size).toBe(0)
    expect(reader.provider.wsconnected).toBe(true)
    full = false
    await waitFor(async () => (await status(`${relay.url}/readyz`)) === 200, 10_000, 'ready again')
  })
})

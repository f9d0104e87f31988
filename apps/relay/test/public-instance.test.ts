/**
 * A relay open to the internet: the creation key, the storage quota, imports built off the event
 * loop, and retention erasing boards nobody changed ([RI1]–[RI6], apps/relay/SPEC.md "Public instances").
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { addNote, listNotes } from '@samla/board'
import { CloseCode } from '@samla/protocol'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, type Relay, type RelayOptions } from '../src/index.js'
import {
  authorOn,
  closeCode,
  connectClient,
  createBoard,
  linksOf,
  openRawSocket,
  sleep,
  startRelay,
  synced,
  waitFor,
} from './helpers.js'
import { largeImportBody } from './large-import.js'

const KEY = 'Kb4-hemlig-nyckel-för-kommunen-2026'

describe('public instances', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function relay(options: RelayOptions = {}): Promise<Relay> {
    const r = await startRelay(options)
    cleanup.push(() => r.close())
    return r
  }
  const create = (r: Relay, body: unknown, key?: string) =>
    fetch(`${r.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key !== undefined && { authorization: `Bearer ${key}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const api = (r: Relay, path: string, token: string, method = 'GET') =>
    fetch(`${r.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } })
  const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error

  it('[RI1] with a creation key, boards are created only with it (401 without, 403 wrong), and the key is never logged', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const r = await relay({ creationKey: KEY, logger: pino({ level: 'trace' }, sink) })
    const without = await create(r, { title: 'Utan nyckel' })
    expect(without.status).toBe(401)
    expect(await errorOf(without)).toBe('creation-key-required')
    const wrong = await create(r, { title: 'Fel nyckel' }, `${KEY}x`)
    expect(wrong.status).toBe(403)
    expect(await errorOf(wrong)).toBe('creation-key-invalid')
    const unparsable = await create(r, '{"title": "Trasig', KEY)
    expect(unparsable.status).toBe(400)
    const made = await create(r, { title: 'Med nyckel' }, KEY)
    expect(made.status).toBe(201)
    const { id, links } = (await made.json()) as { id: string; links: { facilitator: string; participant: string } }
    // The board's own links work as on any relay: the key is only for creating.
    expect((await api(r, `/api/boards/${id}`, links.participant)).status).toBe(200)
    expect((await api(r, `/api/boards/${id}`, links.facilitator, 'DELETE')).status).toBe(204)
    expect(lines.join('')).toContain('board created')
    expect(lines.join('')).not.toContain(KEY)
    expect(lines.join('')).not.toContain('nyckel-för')
  })

  it('[RI2] past the storage quota, creating and importing answer 507; existing boards keep taking writes up to their own limit', async () => {
    const r = await relay({ storageQuotaBytes: 400 * 1024 })
    const boardId = await createBoard(r, 'Befintlig tavla')
    const tooBig = await create(r, largeImportBody(800 * 1024))
    expect(tooBig.status).toBe(507)
    expect(await errorOf(tooBig)).toBe('storage-quota-reached')

    const writer = connectClient(r, boardId)
    cleanup.push(() => writer.destroy())
    await synced(writer)
    for (let i = 0; i < 250; i++)
      addNote(writer.doc, { x: i, y: 0, text: `${i} ${'å'.repeat(1900)}`, ...authorOn(boardId) })
    const reader = connectClient(r, boardId)
    cleanup.push(() => reader.destroy())
    await waitFor(() => listNotes(reader.doc).length === 250, 10_000, 'the notes written past the quota')

    const full = await create(r, { title: 'En till' })
    expect(full.status).toBe(507)
    expect(await errorOf(full)).toBe('storage-quota-reached')
    // Erasing a board makes room again.
    expect((await api(r, `/api/boards/${boardId}`, linksOf(boardId).facilitator, 'DELETE')).status).toBe(204)
    expect((await create(r, { title: 'Nu får den plats' })).status).toBe(201)
  })

  it('[RI3] a large import is built off the event loop: the loop stays responsive and a client on another board keeps syncing', async () => {
    const r = await relay()
    // Short notes, as many as a board may hold: the most notes per byte, the most work for the relay.
    const body = largeImportBody(2 * 1024 * 1024, { textLength: 20, maxNotes: DEFAULT_LIMITS.maxNotesPerBoard })
    const other = await createBoard(r, 'Pågående workshop')
    const writer = connectClient(r, other)
    const reader = connectClient(r, other)
    cleanup.push(
      () => writer.destroy(),
      () => reader.destroy(),
    )
    await Promise.all([synced(writer), synced(reader)])

    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    let roundTrips = 0
    let importing = true
    const typing = (async () => {
      while (importing) {
        addNote(writer.doc, { x: roundTrips, y: 0, text: `under importen ${roundTrips}`, ...authorOn(other) })
        const expected = ++roundTrips
        await waitFor(() => listNotes(reader.doc).length === expected, 5000, 'a round trip during the import')
      }
    })().catch((error: unknown) => error)
    const res = await create(r, body)
    importing = false
    expect(await typing).toBeUndefined()
    delay.disable()

    expect(res.status).toBe(201)
    // Built on the main thread (as before), an import of this size held the loop for seconds.
    console.info(`[RI3] longest event-loop stall during the import: ${(delay.max / 1e6).toFixed(0)} ms`)
    expect(delay.max / 1e6).toBeLessThan(1000)
    expect(roundTrips).toBeGreaterThan(1)
    const { id, links } = (await res.json()) as { id: string; links: { viewer: string } }
    const imported = connectClient(r, id, undefined, { token: links.viewer })
    cleanup.push(() => imported.destroy())
    await synced(imported, 15_000)
    expect(listNotes(imported.doc).length).toBe(
      (JSON.parse(body) as { import: { notes: unknown[] } }).import.notes.length,
    )
  }, 60_000)

  it('[RI7] an import of more notes or groups than a board may hold is refused with 413, inline and from the worker', async () => {
    const r = await relay({ limits: { maxNotesPerBoard: 50, maxGroupsPerBoard: 2 } })
    // Past the inline size, so the worker judges it; then a small one judged inline.
    const many = await create(r, largeImportBody(100 * 1024, { textLength: 20 }))
    expect(many.status).toBe(413)
    expect(await errorOf(many)).toBe('import-too-large')
    const few = JSON.parse(largeImportBody(8 * 1024, { textLength: 20, maxNotes: 10 }))
    expect((await create(r, few)).status).toBe(201)
    const groups = Array.from({ length: 3 }, (_, i) => ({
      id: `group-000${i}xxxx`,
      name: `G${i}`,
      x: i * 500,
      y: 0,
      width: 400,
      height: 256,
      colour: 'grey',
      collapsed: false,
      order: `a${i}`,
    }))
    const grouped = await create(r, { ...few, import: { ...few.import, clusters: groups } })
    expect(grouped.status).toBe(413)
    expect(await errorOf(grouped)).toBe('import-too-large')
  })

  it('[RI4] a damaged import is refused from the worker as it is inline, and the relay goes on', async () => {
    const r = await relay()
    const damaged = largeImportBody(100 * 1024).replace('"samla-board"', '"something-else"')
    const res = await create(r, damaged)
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toBe('invalid-import')
    const broken = await create(r, `${largeImportBody(100 * 1024).slice(0, -10)}`)
    expect(broken.status).toBe(400)
    expect(await errorOf(broken)).toBe('invalid-json')
    expect((await create(r, largeImportBody(100 * 1024))).status).toBe(201)
  })

  it('[RI5] retention erases a board nobody changed (closing its sockets with 4410) and keeps one that changed', async () => {
    const afterMs = 3000
    const r = await relay({ retention: { afterMs, checkEveryMs: 100 } })
    const idle = await createBoard(r, 'Bortglömd')
    const busy = await createBoard(r, 'Levande')
    const lookup = (await (await api(r, `/api/boards/${busy}`, linksOf(busy).facilitator)).json()) as {
      retentionDays: number
    }
    expect(lookup.retentionDays).toBe(afterMs / (24 * 60 * 60_000))
    const watcher = await openRawSocket(r, idle, undefined, linksOf(idle).viewer)
    const watcherClosed = closeCode(watcher, 10_000)
    const writer = connectClient(r, busy)
    cleanup.push(() => writer.destroy())
    await synced(writer)
    const started = Date.now()
    let written = 0
    while (Date.now() - started < afterMs + 1500) {
      addNote(writer.doc, { x: written++, y: 0, text: 'fortfarande här', ...authorOn(busy) })
      await sleep(400)
    }
    // A socket that stays open without changing anything does not keep a board.
    expect(await watcherClosed).toBe(CloseCode.BoardDeleted)
    expect((await api(r, `/api/boards/${idle}`, linksOf(idle).facilitator)).status).toBe(404)
    expect((await api(r, `/api/boards/${busy}`, linksOf(busy).facilitator)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(afterMs)
  }, 20_000)

  it('[RI6] without those settings, anyone may create boards and the lookup names no retention', async () => {
    const r = await relay()
    const res = await create(r, { title: 'Öppen' })
    expect(res.status).toBe(201)
    const { id, links } = (await res.json()) as { id: string; links: { participant: string } }
    expect(await (await api(r, `/api/boards/${id}`, links.participant)).json()).not.toHaveProperty('retentionDays')
  })
})

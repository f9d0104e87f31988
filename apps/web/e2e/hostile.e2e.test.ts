/**
 * A participant link in hostile hands, against the real relay: random updates made with a stock Yjs
 * client — unknown top-level types, keys and value types, deletions of others' notes and authors,
 * oversize values, edits of meta, ballots and authorship — each sent as one update frame on a
 * participant connection. After every run: the board the relay serves passes the schema, honest
 * clients hold exactly that board, every export answers 200 and the JSON export imports again; at
 * the end the built app shows the board in Chromium without a page error.
 */
import { addNote, initBoard, invalidEntries, listClusters, listNotes, readMeta } from '@samla/board'
import { participantId } from '@samla/protocol'
import fc from 'fast-check'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { eventually } from './eventually.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

const RUNS = 12
const HONEST_KEY = 'honest-device-key-0000000'
const HOSTILE_KEY = 'hostile-device-key-000000'

type Value = unknown
type Op =
  | { kind: 'top-level'; root: string; key: string; value: Value }
  | { kind: 'field'; note: number; field: string; value: Value }
  | { kind: 'field-type'; note: number; field: string; type: 'map' | 'text' | 'array' }
  | { kind: 'delete-note'; note: number }
  | { kind: 'delete-field'; note: number; field: string }
  | { kind: 'text'; note: number; text: string; formatted: boolean }
  | { kind: 'meta'; key: string; value: Value }
  | { kind: 'ballot'; voter: string; note: number; dots: number }
  | { kind: 'add-note'; author: 'own' | 'other' | 'none'; text: string }

const FIELDS = [
  'text',
  'x',
  'y',
  'width',
  'height',
  'colour',
  'authorId',
  'authorName',
  'createdAt',
  'order',
  'clusterId',
]
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 0, 160),
  fc.string({ maxLength: 40 }),
  fc.constant('x'.repeat(5000)),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3, noNullPrototype: true }),
  fc.constantFrom('yellow', 'magenta', 'blue'),
)
const note = fc.nat({ max: 5 })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('top-level' as const),
    root: fc.constantFrom('notes', 'clusters', 'votes', 'meta', 'evil', 'control'),
    key: fc.oneof(fc.constantFrom('abcdefgh1234', 'x', 'constructor'), fc.string({ maxLength: 70 })),
    value,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    note,
    field: fc.oneof(fc.constantFrom(...FIELDS), fc.string()),
    value,
  }),
  fc.record({
    kind: fc.constant('field-type' as const),
    note,
    field: fc.constantFrom(...FIELDS),
    type: fc.constantFrom('map' as const, 'text' as const, 'array' as const),
  }),
  fc.record({ kind: fc.constant('delete-note' as const), note }),
  fc.record({ kind: fc.constant('delete-field' as const), note, field: fc.constantFrom(...FIELDS) }),
  fc.record({
    kind: fc.constant('text' as const),
    note,
    text: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('y'.repeat(3000))),
    formatted: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('meta' as const), key: fc.constantFrom('title', 'schemaVersion', 'createdAt'), value }),
  fc.record({
    kind: fc.constant('ballot' as const),
    voter: fc.string({ minLength: 8, maxLength: 12 }),
    note,
    dots: fc.integer(),
  }),
  fc.record({
    kind: fc.constant('add-note' as const),
    author: fc.constantFrom('own' as const, 'other' as const, 'none' as const),
    text: fc.string({ maxLength: 30 }),
  }),
)

/** Makes one hostile change on a copy of the board (the update it yields is what gets sent). */
function perform(doc: Y.Doc, boardId: string, change: Op): void {
  const notes = doc.getMap<unknown>('notes')
  const ids = [...notes.keys()]
  const target = (index: number) => notes.get(ids[index % Math.max(1, ids.length)] ?? '')
  const map = (index: number) => {
    const found = target(index)
    return found instanceof Y.Map ? found : null
  }
  switch (change.kind) {
    case 'top-level':
      doc.getMap(change.root).set(change.key, change.value)
      return
    case 'field':
      map(change.note)?.set(change.field, change.value)
      return
    case 'field-type': {
      const made = change.type === 'map' ? new Y.Map() : change.type === 'text' ? new Y.Text('z') : new Y.Array()
      map(change.note)?.set(change.field, made)
      return
    }
    case 'delete-note':
      if (ids.length > 0) notes.delete(ids[change.note % ids.length] ?? '')
      return
    case 'delete-field':
      map(change.note)?.delete(change.field)
      return
    case 'text': {
      const text = map(change.note)?.get('text')
      if (text instanceof Y.Text) text.insert(0, change.text, change.formatted ? { bold: true } : undefined)
      return
    }
    case 'meta':
      doc.getMap('meta').set(change.key, change.value)
      return
    case 'ballot': {
      const ballot = new Y.Map<unknown>()
      ballot.set(ids[change.note % Math.max(1, ids.length)] ?? 'nonexistent', change.dots)
      doc.getMap('votes').set(change.voter, ballot)
      return
    }
    case 'add-note': {
      const author =
        change.author === 'own'
          ? { authorId: participantId(boardId, HOSTILE_KEY), authorName: 'Mallory' }
          : change.author === 'other'
            ? { authorId: participantId(boardId, HONEST_KEY), authorName: 'Anna' }
            : {}
      addNote(doc, { x: 0, y: 0, text: change.text, ...author })
    }
  }
}

/** y-websocket's framing: an update (sync 2), then a sync step 1 whose answer says the update was taken. */
const updateFrame = (update: Uint8Array) => frame(0, 2, update)
const stepOneFrame = (stateVector: Uint8Array) => frame(0, 0, stateVector)
function frame(type: number, kind: number, payload: Uint8Array): Uint8Array {
  const length: number[] = []
  let rest = payload.length
  do {
    length.push((rest & 0x7f) | (rest > 0x7f ? 0x80 : 0))
    rest >>>= 7
  } while (rest > 0)
  return new Uint8Array([type, kind, ...length, ...payload])
}

describe('[WH] a hostile participant cannot break the board', () => {
  let relay: Awaited<ReturnType<typeof startTestRelay>>['relay']
  let browser: Browser
  let board: { id: string; links: { facilitator: string; participant: string; viewer: string } }
  const honest: Array<{ doc: Y.Doc; provider: WebsocketProvider }> = []

  const wsUrl = () => `${relay.url.replace(/^http/, 'ws')}/ws`
  async function servedBoard(): Promise<Y.Doc> {
    const res = await fetch(`${relay.url}/api/boards/${board.id}/snapshot`, {
      headers: { authorization: `Bearer ${board.links.viewer}` },
    })
    if (!res.ok) throw new Error(`the board snapshot answered ${res.status}: ${await res.text()}`)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()))
    return doc
  }

  /** Sends one hostile update on a fresh participant connection; resolves once it was taken or refused. */
  async function sendHostile(change: Op): Promise<void> {
    const doc = await servedBoard()
    const before = Y.encodeStateVector(doc)
    perform(doc, board.id, change)
    const update = Y.encodeStateAsUpdate(doc, before)
    const token = encodeURIComponent(board.links.participant)
    const ws = new WebSocket(`${wsUrl()}/${board.id}?token=${token}&device=${HOSTILE_KEY}`)
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    await new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        // The answer to our own sync step 1 (sync 2 after the relay's first step 1): the update was taken.
        if (data[0] === 0 && data[1] === 1) resolve()
      })
      ws.once('close', () => resolve())
      ws.send(updateFrame(update))
      ws.send(stepOneFrame(Y.encodeStateVector(new Y.Doc())))
    })
    ws.terminate()
    doc.destroy()
  }

  beforeAll(async () => {
    // Every run imports its board's export once more.
    ;({ relay } = await startTestRelay(undefined, 0, { boardCreationsPerAddressPerMinute: 10_000 }))
    board = await createBoardOver(relay.url, 'Kiruna 2030')
    for (const [token, key] of [
      [board.links.facilitator, 'facilitator-key-0000000'],
      [board.links.participant, HONEST_KEY],
    ] as const) {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(wsUrl(), board.id, doc, {
        params: { token, device: key },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      honest.push({ doc, provider })
    }
    await eventually(async () => honest.every(({ provider }) => provider.synced), true, 'honest clients synced')
    const [facilitator, participant] = honest
    if (!facilitator || !participant) throw new Error('no honest clients')
    for (let i = 0; i < 3; i++) addNote(facilitator.doc, { x: i * 200, y: 0, text: `Idé ${i}` })
    addNote(participant.doc, {
      x: 0,
      y: 300,
      text: 'Cykelbanor',
      authorId: participantId(board.id, HONEST_KEY),
      authorName: 'Anna',
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    for (const { provider, doc } of honest) {
      provider.destroy()
      doc.destroy()
    }
    await browser?.close()
    await relay?.close()
  })

  it('[WH1] random hostile updates leave a valid board that everyone holds alike, exports and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 15 }), async (changes) => {
        for (const change of changes) await sendHostile(change)
        const served = await servedBoard()
        expect(invalidEntries(served)).toEqual(new Map())
        expect(readMeta(served)).toMatchObject({ title: 'Kiruna 2030', schemaVersion: 1 })
        expect(served.getMap('votes').size).toBe(0)
        expect(
          // The board's types (reading a merged board's regions and stacks makes those types here).
          [...served.share.keys()].filter(
            (name) => !['meta', 'notes', 'clusters', 'votes', 'regions', 'stacks'].includes(name),
          ),
        ).toEqual([])
        const snapshotOf = (doc: Y.Doc) =>
          JSON.stringify([doc.getMap('meta').toJSON(), listNotes(doc), listClusters(doc)])
        await eventually(
          async () => honest.map(({ doc }) => snapshotOf(doc)),
          honest.map(() => snapshotOf(served)),
          'honest clients hold the served board',
        )
        for (const format of ['csv', 'md', 'json']) {
          const res = await fetch(`${relay.url}/api/boards/${board.id}/export?format=${format}&lang=sv`, {
            headers: { authorization: `Bearer ${board.links.facilitator}` },
          })
          expect(res.status).toBe(200)
          if (format === 'json') {
            const again = await fetch(`${relay.url}/api/boards`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ title: 'Importerad', import: await res.json() }),
            })
            expect(again.status, await again.clone().text()).toBe(201)
          }
        }
        served.destroy()
      }),
      { numRuns: RUNS },
    )
    // Honest clients kept writing through it all.
    const [, participant] = honest
    const anna = { authorId: participantId(board.id, HONEST_KEY), authorName: 'Anna' }
    if (participant) addNote(participant.doc, { x: 700, y: 120, text: 'Fortfarande här', ...anna })
    await eventually(
      async () => listNotes(await servedBoard()).some((n) => n.text === 'Fortfarande här'),
      true,
      'an honest note after the attack',
    )
  }, 240_000)

  it('[WH2] the app shows the board after it all, without a page error', async () => {
    const context = await newPerson(browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(boardLinkUrl(relay.url, board.id, board.links.facilitator))
    await page.locator('[role="status"][data-status="connected"]').waitFor({ timeout: 15_000 })
    await page.getByText('Fortfarande här').first().waitFor({ timeout: 15_000 })
    expect(errors).toEqual([])
    await context.close()
  })
})

// A guard that the property can fail: the schema check sees a board a hostile write would break.
describe('[WH] the check the property relies on', () => {
  it('[WH3] a note that is a number is a malformed entry', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 't' })
    doc.getMap('notes').set('abcdefgh1234', 42)
    expect(invalidEntries(doc)).toEqual(new Map([['notes', ['abcdefgh1234']]]))
  })
})

/**
 * Facilitation end to end: a whole session with a facilitator and three participants (four
 * Chromium contexts) on one
 * board, against the built app served by the real relay. Covers the phases everyone sees, a silent
 * brainstorm whose private notes reach neither the other browsers nor the relay before the reveal,
 * clustering, a dot vote with hidden totals, one countdown on every screen and its end, and
 * following the facilitator.
 */
import { listNotes, setTimer, startTimer } from '@samla/board'
import { openSqliteStorage, type Relay } from '@samla/relay'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { eventually } from './eventually.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

const WAIT = { timeout: 15_000 }
const SECRET = 'Hemlig idé från P'
const LATE_SECRET = 'Sen idé från Q'
const THIRD_SECRET = 'Tyst idé från R'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function expectConnected(page: Page): Promise<void> {
  await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
}

/** The texts of every note on the page (board notes and private drafts alike). */
async function noteTexts(page: Page): Promise<string[]> {
  return page
    .locator('[data-note-id] textarea')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value))
}

function noteWith(page: Page, text: string): Locator {
  return page.locator('[data-note-id]').filter({ has: page.locator(`textarea:text-is("${text}")`) })
}

async function currentPhase(page: Page): Promise<string> {
  return (await page.locator('[aria-current="step"]').textContent()) ?? ''
}

async function typeNewNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add note' }).click()
  const field = page.locator('textarea:focus')
  await field.waitFor(WAIT)
  await field.pressSequentially(text, { delay: 5 })
}

/** Drags with the mouse from a note's top edge (away from its controls) by the given offset. */
async function dragNoteBy(page: Page, note: Locator, dx: number, dy: number): Promise<void> {
  const box = await note.boundingBox()
  if (!box) throw new Error('note not visible')
  const x = box.x + box.width / 2
  const y = box.y + 5
  await page.mouse.move(x, y)
  await page.mouse.down()
  for (let step = 1; step <= 10; step++) await page.mouse.move(x + (dx * step) / 10, y + (dy * step) / 10)
  await page.mouse.up()
}

/** A stock y-websocket client with the given token, once it has synced the room's doc. */
async function syncedClient(relay: Relay, room: string, token: string): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const deadline = Date.now() + WAIT.timeout
  while (!provider.synced && Date.now() < deadline) await pause(50)
  expect(provider.synced).toBe(true)
  return provider
}

/** The board doc exactly as the relay has stored it, read from its SQLite file. */
async function boardAsStored(dataDir: string, boardId: string): Promise<{ doc: Y.Doc; bytes: Buffer }> {
  const storage = openSqliteStorage(dataDir)
  try {
    const stored = await storage.loadDoc({ boardId, kind: 'board' })
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]
    const doc = new Y.Doc()
    for (const part of parts) Y.applyUpdate(doc, part)
    return { doc, bytes: Buffer.concat(parts) }
  } finally {
    await storage.close()
  }
}

describe('facilitating a workshop', () => {
  let relay: Relay
  let dataDir: string
  let browser: Browser
  let contexts: BrowserContext[] = []
  let facilitator: Page
  let p: Page
  let q: Page
  let r: Page
  let boardId = ''
  let facilitatorToken = ''
  let participantUrl = ''

  beforeAll(async () => {
    ;({ relay, dataDir } = await startTestRelay())
    browser = await launchChromium()
    const { id, links } = await createBoardOver(relay.url, 'Framtidens stadsdel')
    boardId = id
    facilitatorToken = links.facilitator
    participantUrl = boardLinkUrl(relay.url, id, links.participant)
    contexts = await Promise.all([newPerson(browser), newPerson(browser), newPerson(browser), newPerson(browser)])
    ;[facilitator, p, q, r] = (await Promise.all(contexts.map((context) => context.newPage()))) as [
      Page,
      Page,
      Page,
      Page,
    ]
    await facilitator.goto(boardLinkUrl(relay.url, id, links.facilitator))
    await p.goto(participantUrl)
    await q.goto(participantUrl)
    await r.goto(participantUrl)
    await Promise.all([facilitator, p, q, r].map(expectConnected))
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WF1] shows the phase to everyone and lets only the facilitator change it', async () => {
    for (const page of [facilitator, p, q]) expect(await currentPhase(page)).toBe('1. Write')
    expect(await p.getByRole('button', { name: /^Change phase/ }).count()).toBe(0)
    await facilitator.getByRole('button', { name: 'Change phase to 3. Vote' }).click()
    for (const page of [facilitator, p, q]) await eventually(() => currentPhase(page), '3. Vote', 'phase 3')
    // Outside the write phase, participants write no notes.
    expect(await p.getByRole('button', { name: 'Add note' }).isDisabled()).toBe(true)
    await facilitator.getByRole('button', { name: 'Change phase to 1. Write' }).click()
    await eventually(() => currentPhase(p), '1. Write', 'back to writing')
    expect(await p.getByRole('button', { name: 'Add note' }).isDisabled()).toBe(false)
  })

  it('[WF2] keeps private notes off the relay and the other screens until the reveal, then shows them to all', async () => {
    await facilitator.getByLabel('Private writing').check()
    await p.getByText('Silent brainstorm: your new notes are visible only to you').waitFor(WAIT)
    await q.getByText('Silent brainstorm: your new notes are visible only to you').waitFor(WAIT)
    await r.getByText('Silent brainstorm: your new notes are visible only to you').waitFor(WAIT)

    await typeNewNote(p, SECRET)
    const rCanvas = await r.getByRole('region', { name: 'Board canvas' }).boundingBox()
    if (!rCanvas) throw new Error('no canvas')
    await r.mouse.dblclick(rCanvas.x + 160, rCanvas.y + 520)
    await r.locator('textarea:focus').pressSequentially(THIRD_SECRET, { delay: 5 })
    // Q writes elsewhere on the board, so the two notes do not lie on top of each other.
    const canvas = await q.getByRole('region', { name: 'Board canvas' }).boundingBox()
    if (!canvas) throw new Error('no canvas')
    await q.mouse.dblclick(canvas.x + 760, canvas.y + 420)
    await q.locator('textarea:focus').pressSequentially(LATE_SECRET, { delay: 5 })
    expect(await noteWith(p, SECRET).getByText('Private – only you see this').count()).toBe(1)
    // Q closes the page before the reveal (its drafts stay in this browser) and comes back after it.
    await pause(500)
    await q.close()

    await pause(1000)
    expect(await noteTexts(facilitator)).toEqual([])
    // Each participant sees only their own private note.
    expect(await noteTexts(p)).toEqual([SECRET])
    expect(await noteTexts(r)).toEqual([THIRD_SECRET])
    const stored = await boardAsStored(dataDir, boardId)
    expect(listNotes(stored.doc)).toEqual([])
    expect(stored.bytes.includes(Buffer.from('Hemlig'))).toBe(false)
    expect(stored.bytes.includes(Buffer.from('Tyst idé'))).toBe(false)
    const client = await syncedClient(relay, boardId, facilitatorToken)
    expect(listNotes(client.doc).map((note) => note.text)).toEqual([])
    client.destroy()

    await facilitator.getByRole('button', { name: 'Reveal all private notes' }).click()
    await facilitator.getByText('The notes are revealed. A snapshot of the board was saved first.').waitFor(WAIT)
    await eventually(
      async () => (await noteTexts(facilitator)).includes(SECRET),
      true,
      'revealed note at the facilitator',
    )
    await eventually(() => noteWith(p, SECRET).getByText('Private – only you see this').count(), 0, 'mark gone')
    expect(await noteWith(p, SECRET).count()).toBe(1)
    for (const page of [facilitator, p, r]) {
      await eventually(async () => (await noteTexts(page)).includes(THIRD_SECRET), true, 'third note everywhere')
      await eventually(async () => (await noteTexts(page)).includes(SECRET), true, 'first note everywhere')
    }
    expect(listNotes((await boardAsStored(dataDir, boardId)).doc).map((note) => note.text)).toContain(SECRET)

    // Q was away at the reveal: its private note is published when it comes back.
    q = await (contexts[2] as BrowserContext).newPage()
    await q.goto(participantUrl)
    await expectConnected(q)
    await eventually(async () => (await noteTexts(facilitator)).includes(LATE_SECRET), true, 'late note published')
    const all = [LATE_SECRET, SECRET, THIRD_SECRET].sort().join('|')
    await eventually(async () => (await noteTexts(q)).sort().join('|'), all, 'Q')
    expect(await q.getByText('Private – only you see this').count()).toBe(0)
  })

  it('[WF3] the facilitator groups notes into a named cluster; a participant drags a note into it', async () => {
    await facilitator.getByRole('button', { name: 'Change phase to 2. Cluster' }).click()
    await eventually(() => currentPhase(p), '2. Cluster', 'cluster phase')
    const canvas = await facilitator.getByRole('region', { name: 'Board canvas' }).boundingBox()
    if (!canvas) throw new Error('no canvas')
    // Far enough apart that a third note fits between them, inside the cluster made around them.
    for (const [i, text] of ['Buss', 'Cykel'].entries()) {
      await facilitator.mouse.dblclick(canvas.x + 160 + i * 360, canvas.y + 200)
      await facilitator.locator('textarea:focus').pressSequentially(text, { delay: 5 })
    }
    await noteWith(facilitator, 'Buss').click({ position: { x: 80, y: 5 } })
    await noteWith(facilitator, 'Cykel').click({ position: { x: 80, y: 5 }, modifiers: ['Shift'] })
    await facilitator.getByRole('button', { name: 'Group selected (2)' }).click()
    const name = facilitator.getByLabel('Group name')
    await eventually(() => name.evaluate((field) => field === document.activeElement), true, 'name field focused')
    await name.fill('Transport')

    const cluster = p.locator('[data-cluster-id]')
    await eventually(() => cluster.getByLabel('Group name').inputValue(), 'Transport', 'cluster at the participant')
    expect(await cluster.locator('.cluster-count').textContent()).toBe('2 notes')

    const [bus, bike, note] = await Promise.all(
      ['Buss', 'Cykel', SECRET].map((text) => noteWith(p, text).boundingBox()),
    )
    if (!bus || !bike || !note) throw new Error('not visible')
    await dragNoteBy(p, noteWith(p, SECRET), (bus.x + bike.x) / 2 - note.x, bus.y - note.y)
    await eventually(
      () => facilitator.locator('[data-cluster-id] .cluster-count').textContent(),
      '3 notes',
      'note dragged into the cluster',
    )
  })

  it('[WF4] a dot vote keeps to the budget and hides the totals from participants until revealed', async () => {
    await facilitator.getByLabel('Dots per person').fill('2')
    await facilitator.getByLabel('Most per note').fill('1')
    await facilitator.getByRole('button', { name: 'Start the vote' }).click()
    await eventually(() => currentPhase(p), '3. Vote', 'vote phase')
    const left = p.locator('.vote-left')
    await eventually(() => left.textContent(), '2 of 2 dots left', 'budget shown')

    const add = (text: string) => noteWith(p, text).getByRole('button', { name: 'Add a dot to this note' })
    await add('Buss').click()
    await eventually(() => left.textContent(), '1 of 2 dots left', 'one dot placed')
    expect(await add('Buss').isDisabled()).toBe(true)
    await add('Cykel').click()
    await eventually(() => left.textContent(), '0 of 2 dots left', 'budget spent')
    await add(SECRET).click()
    await p.getByText('You have placed all your dots.').waitFor(WAIT)
    expect(await left.textContent()).toBe('0 of 2 dots left')

    // A third participant votes too, within the same budget rules.
    await noteWith(r, 'Buss').getByRole('button', { name: 'Add a dot to this note' }).click()
    await eventually(() => r.locator('.vote-left').textContent(), '1 of 2 dots left', 'R placed a dot')

    expect(await p.locator('.vote-total').count()).toBe(0)
    expect(await r.locator('.vote-total').count()).toBe(0)
    await eventually(() => noteWith(facilitator, 'Buss').locator('.vote-total').textContent(), '2 dots', 'total')
    expect(await facilitator.getByText('2 people have voted').count()).toBeGreaterThan(0)

    await facilitator.getByRole('button', { name: 'Show the totals to everyone' }).click()
    await eventually(() => noteWith(p, 'Cykel').locator('.vote-total').textContent(), '1 dot', 'revealed total')
    await eventually(() => noteWith(r, 'Buss').locator('.vote-total').textContent(), '2 dots', 'revealed for R')
    await p.getByRole('button', { name: 'Results' }).click()
    const results = p.getByRole('dialog', { name: 'Results' })
    await results.getByRole('heading', { name: /Transport/ }).waitFor(WAIT)
    expect(await results.getByRole('heading', { name: /Transport/ }).textContent()).toContain('3 dots')
    await p.keyboard.press('Escape')
  })

  it('[WF5] runs one countdown that every screen shows alike', async () => {
    await facilitator.getByLabel('Minutes').fill('3')
    await facilitator.getByRole('button', { name: 'Set', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Start', exact: true }).click()
    const remaining = (page: Page) =>
      page
        .getByRole('timer')
        .getAttribute('data-remaining-ms')
        .then((value) => Number(value))
    await eventually(async () => (await remaining(p)) < 180_000, true, 'countdown running at the participant')
    const [a, b] = await Promise.all([remaining(facilitator), remaining(p)])
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1000)
    expect(await p.getByRole('timer').textContent()).toMatch(/^[23]:\d\d$/)
    await facilitator.getByRole('button', { name: 'Pause', exact: true }).click()
    await eventually(() => p.locator('.timer').getAttribute('data-state'), 'paused', 'paused everywhere')
  })

  it('[WF6] signals the end of the countdown on screen and to screen readers', async () => {
    // A two-second timer, written by a facilitator's stock client (the panel sets whole minutes).
    const control = await syncedClient(relay, `${boardId}/control`, facilitatorToken)
    setTimer(control.doc, 2000)
    startTimer(control.doc, Date.now())
    await eventually(() => p.locator('.timer').getAttribute('data-state'), 'ended', 'timer ended')
    expect(await p.locator('.timer-state').textContent()).toBe('Time is up')
    // Announced once through the board's live region, which batches its news for a moment.
    await eventually(() => p.getByRole('status').filter({ hasText: 'Time is up.' }).count(), 1, 'end announced')
    control.destroy()
  })

  it('[WF7] a participant follows the facilitator on request, and everyone is brought to the facilitator once', async () => {
    const zoom = (page: Page) => page.getByRole('button', { name: /^Reset zoom/ }).textContent()
    expect(await zoom(p)).toBe('100%')
    await p.getByRole('button', { name: 'Follow the facilitator' }).click()
    await facilitator.getByRole('button', { name: 'Zoom in' }).click()
    await eventually(() => zoom(p), '125%', 'following the zoom')
    expect(await zoom(q)).toBe('100%')
    await p.getByRole('button', { name: 'Follow the facilitator' }).click()
    await facilitator.getByRole('button', { name: 'Zoom in' }).click()
    await pause(600)
    expect(await zoom(p)).toBe('125%')
    await facilitator.getByRole('button', { name: 'Bring everyone to me' }).click()
    await eventually(() => zoom(p), '156%', 'summoned participant')
    await eventually(() => zoom(q), '156%', 'summoned second participant')
  })
})

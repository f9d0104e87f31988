/**
 * Anonymity against a passive observer: a facilitator and a participant in Chromium, and a raw
 * y-websocket socket with a viewer's link that keeps every frame it is sent on the board's doc and
 * presence. On an anonymous board nothing it receives may link a note to the person who wrote it:
 * no author fields, no client id shared between the note's items and anyone's presence, no presence
 * naming the note. And a private draft is never named in presence.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, eventually, expectStatus, noteById, onCanvas, WAIT } from './editing-helpers.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import { itemClients, observeBoard, type WireObserver } from './wire-observer.js'

const WRITER = { name: 'Greta Skribent', organisation: 'Luleå kommun' }

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The participant works on a note the way people do: pointer over the canvas, selecting, typing. */
async function workOn(page: Page, id: string): Promise<void> {
  const note = noteById(page, id)
  await note.click({ position: { x: 20, y: 6 } })
  await note.getByLabel('Note text').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' och mer', { delay: 5 })
  const point = await onCanvas(page, 700, 500)
  await page.mouse.move(point.x, point.y, { steps: 5 })
  await note.hover()
  // Longer than presence takes to reach everyone (cursors are paced at 50 ms, changes flushed every 30 ms).
  await pause(600)
}

describe('anonymity against a passive observer', () => {
  let relay: Relay
  let browser: Browser
  let contexts: BrowserContext[] = []
  let facilitator: Page
  let writer: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    contexts = await Promise.all([newPerson(browser), newPerson(browser, 'en-GB', WRITER)])
    ;[facilitator, writer] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page]
    for (const page of [facilitator, writer]) page.on('pageerror', (error) => pageErrors.push(error.message))
  })

  /** A new board for each test (and each retry), with the facilitator, the writer and the observer on it. */
  async function openBoard(): Promise<{ boardId: string; observer: WireObserver }> {
    const { id, links } = await createBoardOver(relay.url, 'Anonym workshop')
    const observer = await observeBoard(relay.url, id, links.viewer)
    await facilitator.goto(boardLinkUrl(relay.url, id, links.facilitator))
    await writer.goto(boardLinkUrl(relay.url, id, links.participant))
    await Promise.all([expectStatus(facilitator, 'connected'), expectStatus(writer, 'connected')])
    return { boardId: id, observer }
  }

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
    expect(pageErrors).toEqual([])
  })

  it('[WN1] a note written on an anonymous board cannot be linked to its writer by any field or client id', async () => {
    const { observer } = await openBoard()
    try {
      await facilitator.getByLabel('Anonymous mode: new notes are saved without a name').check()
      await writer.getByText('Anonymous: new notes are saved without a name').waitFor(WAIT)
      const id = await addNote(writer, 400, 300, 'Anonym idé')
      await workOn(writer, id)
      await eventually(async () => observer.doc.getMap('notes').has(id), true, 'the note to reach the observer')

      const note = observer.doc.getMap('notes').get(id) as Y.Map<unknown>
      await eventually(async () => String(note.get('text')), 'Anonym idé och mer', 'the note’s text at the observer')
      // No author fields at all.
      expect([...note.keys()].filter((key) => key.startsWith('author'))).toEqual([])
      // The observer did hear the writer's presence (so what follows is not vacuous)...
      const states = observer.presence.map((entry) => ({ ...entry, parsed: JSON.parse(entry.state) }))
      expect(states.some((entry) => entry.parsed?.user?.name === WRITER.name)).toBe(true)
      // ...but no client id that wrote any item of the note, or anything of the board, speaks in presence.
      const presenceIds = new Set(states.map((entry) => entry.clientId))
      const noteWriters = itemClients(note)
      const boardWriters = Y.decodeStateVector(Y.encodeStateVector(observer.doc))
      expect(noteWriters.size).toBeGreaterThan(0)
      expect([...noteWriters].filter((client) => presenceIds.has(client))).toEqual([])
      expect([...boardWriters.keys()].filter((client) => presenceIds.has(client))).toEqual([])
      // No presence names the note, and the writer's carries no cursor, selection or note being edited.
      expect(states.filter((entry) => entry.state.includes(id))).toEqual([])
      for (const { parsed } of states.filter((entry) => entry.parsed?.user?.name === WRITER.name)) {
        expect(parsed.cursor ?? null).toBeNull()
        expect(parsed.selection ?? []).toEqual([])
        expect(parsed.editing ?? null).toBeNull()
      }
    } finally {
      observer.close()
    }
  })

  it('[WN2] a private draft being written is never named in presence', async () => {
    const { observer } = await openBoard()
    try {
      // Not anonymous: the writer's selection and editing are shared, only never a draft's.
      await facilitator.getByLabel('Private writing').check()
      await writer.getByText('Silent brainstorm: your new notes are visible only to you').waitFor(WAIT)
      const draft = await addNote(writer, 300, 500, 'Hemligt utkast')
      await workOn(writer, draft)
      const states = observer.presence.map((entry) => ({ ...entry, parsed: JSON.parse(entry.state) }))
      const writerStates = states.filter((entry) => entry.parsed?.user?.name === WRITER.name)
      // The writer was heard, cursor and all: presence is shared, only the draft is not named.
      expect(writerStates.some((entry) => entry.parsed.cursor)).toBe(true)
      expect(states.filter((entry) => entry.state.includes(draft))).toEqual([])
      expect(observer.doc.getMap('notes').has(draft)).toBe(false)
    } finally {
      observer.close()
    }
  })
})

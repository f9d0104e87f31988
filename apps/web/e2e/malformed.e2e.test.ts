/**
 * A board always opens: a board holding entries that are no note or group at all, written by a stock
 * Yjs client, opens in Chromium without a page error, on the canvas and in the outline; a note whose
 * drawing fails becomes a notice in its place; a board view that fails explains itself with a reload.
 */
import { addNote, createCluster } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { eventually, expectStatus, WAIT } from './editing-helpers.js'
import {
  type BoardLinks,
  boardLinkUrl,
  createBoardOver,
  launchChromium,
  newPerson,
  noteTexts,
  startTestRelay,
  stockClient,
} from './harness.js'

/** Over the label's length, so the note's accessible name is cut (which is where [WM2] makes drawing fail). */
const DOOMED = `KRASCH ${'lång text '.repeat(12)}`

describe('a board always opens', () => {
  let relay: Relay
  let browser: Browser
  const contexts: BrowserContext[] = []
  const clients: WebsocketProvider[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const context of contexts.splice(0)) await context.close()
    expect(pageErrors.splice(0)).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  async function person(script?: () => void): Promise<Page> {
    const context = await newPerson(browser)
    if (script) await context.addInitScript(script)
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    return page
  }

  /** A board with a good note in a group, a second good note, and what `spoil` writes, through a live stock client. */
  async function boardWith(spoil: (doc: Y.Doc, second: string) => void): Promise<{ links: BoardLinks; id: string }> {
    const { id, links } = await createBoardOver(relay.url, 'Trasig tavla')
    const client = await stockClient(relay, id, links.facilitator)
    clients.push(client)
    const good = addNote(client.doc, { x: 100, y: 200, text: 'Läsbar lapp' })
    const second = addNote(client.doc, { x: 400, y: 200, text: 'Andra lappen' })
    createCluster(client.doc, { name: 'Grupp', noteIds: [good] })
    client.doc.transact(() => spoil(client.doc, second))
    return { links, id }
  }

  it('[WM1] a board holding a note that is 42, a note whose text is a number and a group that is a list opens everywhere', async () => {
    const { id, links } = await boardWith((doc, second) => {
      doc.getMap<unknown>('notes').set('note-forty-two', 42)
      ;(doc.getMap<unknown>('notes').get(second) as Y.Map<unknown>).set('text', 7)
      doc.getMap<unknown>('clusters').set('cluster-as-list', new Y.Array())
    })
    for (const token of [links.facilitator, links.participant]) {
      const page = await person()
      await page.goto(boardLinkUrl(relay.url, id, token))
      await expectStatus(page, 'connected')
      await eventually(() => noteTexts(page), ['Läsbar lapp', ''], 'the readable notes on the canvas')
      await page.getByRole('button', { name: 'Outline', exact: true }).click()
      await eventually(async () => (await noteTexts(page)).sort(), ['', 'Läsbar lapp'], 'the notes in the outline')
      expect(await page.locator('.outline-group h2').allTextContents()).toEqual([
        'Grupp (1 note)',
        'Not in a group (1 note)',
      ])
      // From this device's copy and the relay's snapshot alike.
      await page.reload()
      await expectStatus(page, 'connected')
      await eventually(async () => (await noteTexts(page)).length, 2, 'the notes after a reload')
    }
  })

  it('[WM2] a note whose drawing fails is a notice in its place, on the canvas and in the outline; the rest is drawn', async () => {
    const { id, links } = await boardWith((doc) => {
      addNote(doc, { x: 700, y: 200, text: DOOMED })
    })
    // A fault in drawing one note, stood in for by the browser failing on its text.
    const page = await person(() => {
      const trimEnd = String.prototype.trimEnd
      String.prototype.trimEnd = function (this: string) {
        if (this.startsWith('KRASCH')) throw new Error('drawing this note failed')
        return trimEnd.call(this)
      }
    })
    await page.goto(boardLinkUrl(relay.url, id, links.facilitator))
    await expectStatus(page, 'connected')
    await page.locator('.note-unreadable').waitFor(WAIT)
    expect(await page.locator('.note-unreadable').textContent()).toBe('This note could not be shown.')
    await eventually(async () => (await noteTexts(page)).sort(), ['Andra lappen', 'Läsbar lapp'], 'the other notes')
    await page.getByRole('button', { name: 'Outline', exact: true }).click()
    await page.locator('.outline-note.note-unreadable').waitFor(WAIT)
    await eventually(async () => (await noteTexts(page)).sort(), ['Andra lappen', 'Läsbar lapp'], 'the outline')
  })

  it('[WM3] a board view that fails explains itself, in the page’s language, with a reload', async () => {
    const { id, links } = await boardWith(() => {})
    // The canvas cannot measure itself: a fault in the board view, not in one note.
    const page = await person(() => {
      window.ResizeObserver = class {
        constructor() {
          throw new Error('measuring failed')
        }
      } as unknown as typeof ResizeObserver
    })
    await page.goto(boardLinkUrl(relay.url, id, links.participant))
    const heading = page.getByRole('heading', { name: 'The board could not be shown' })
    await heading.waitFor(WAIT)
    expect(await page.locator('[data-problem="board-failed"] p').first().textContent()).toContain('Reload the page')
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload the page' }).click()])
    await heading.waitFor(WAIT)
  })
})

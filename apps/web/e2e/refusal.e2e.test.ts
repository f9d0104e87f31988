/**
 * A change the relay refuses, met in the browser: a participant's local copy of the board holds a
 * change that breaks the board's rules (here written straight into the page's IndexedDB, as a
 * tampered or buggy client would leave it). On reconnecting the relay refuses it (4422); the page
 * explains it in plain words and, at one button, starts over from the relay's board.
 */
import { readMeta } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

const WAIT = { timeout: 15_000 }

/** Adds one stored update to a y-indexeddb database of the page, as y-indexeddb itself stores them. */
async function storeLocally(page: Page, database: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ database, bytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(database)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const put = db.transaction('updates', 'readwrite').objectStore('updates').add(new Uint8Array(bytes))
          put.onsuccess = () => {
            db.close()
            resolve()
          }
          put.onerror = () => reject(put.error)
        }
      }),
    { database, bytes: [...update] },
  )
}

describe('[WB] a refused change', () => {
  let relay: Relay
  let browser: Browser

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WB8] is explained, not resent, and the board starts over from the relay at one button', async () => {
    const { id, links } = await createBoardOver(relay.url, 'Framtidens bibliotek')
    const context = await newPerson(browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(boardLinkUrl(relay.url, id, links.participant))
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    // A note of one's own makes this device keep the board (its local copy is attached).
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.locator('[data-note-id]').first().waitFor(WAIT)

    // A participant may not retitle the board: a change made on a copy of the board's doc.
    const snapshot = await fetch(`${relay.url}/api/boards/${id}/snapshot`, {
      headers: { authorization: `Bearer ${links.participant}` },
    })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await snapshot.arrayBuffer()))
    const before = Y.encodeStateVector(doc)
    doc.getMap('meta').set('title', 'Riggad tavla')
    await storeLocally(page, `samla-board-${id}`, Y.encodeStateAsUpdate(doc, before))

    await page.reload()
    await page.locator('[role="status"][data-close-code="4422"]').waitFor(WAIT)
    const banner = page.getByRole('alert').filter({ hasText: "breaks the board's rules" })
    await banner.waitFor(WAIT)
    // The relay never took it.
    const served = new Y.Doc()
    const again = await fetch(`${relay.url}/api/boards/${id}/snapshot`, {
      headers: { authorization: `Bearer ${links.viewer}` },
    })
    Y.applyUpdate(served, new Uint8Array(await again.arrayBuffer()))
    expect(readMeta(served).title).toBe('Framtidens bibliotek')

    await banner.getByRole('button', { name: 'Load the board from the server' }).click()
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await page.getByRole('heading', { name: 'Framtidens bibliotek' }).waitFor(WAIT)
    expect(await page.locator('[role="status"][data-close-code]').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

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
import { eventually } from './eventually.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

const WAIT = { timeout: 15_000 }

/** How many updates the page's y-indexeddb database holds (0 while it is not made yet). */
async function storedUpdates(page: Page, database: string): Promise<number> {
  return page.evaluate(
    (database) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(database)
        // Never create it here: only y-indexeddb makes it, with its stores.
        open.onupgradeneeded = () => open.transaction?.abort()
        open.onerror = () => resolve(0)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('updates')) {
            db.close()
            resolve(0)
            return
          }
          const count = db.transaction('updates').objectStore('updates').count()
          count.onsuccess = () => {
            db.close()
            resolve(count.result)
          }
          count.onerror = () => resolve(0)
        }
      }),
    database,
  )
}

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

    // The board's local copy is made at this first own change: wait until it holds something.
    const database = `samla-board-${id}`
    await eventually(async () => (await storedUpdates(page, database)) > 0, true, 'the local copy', 20_000)
    // A participant may not retitle the board: a change made on a copy of the board's doc.
    const snapshot = await fetch(`${relay.url}/api/boards/${id}/snapshot`, {
      headers: { authorization: `Bearer ${links.participant}` },
    })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await snapshot.arrayBuffer()))
    const before = Y.encodeStateVector(doc)
    doc.getMap('meta').set('title', 'Riggad tavla')
    const stored = await storedUpdates(page, database)
    await storeLocally(page, database, Y.encodeStateAsUpdate(doc, before))
    expect(await storedUpdates(page, database)).toBe(stored + 1)

    await page.reload()
    await page.locator('[role="status"][data-close-code="4422"]').waitFor({ timeout: 30_000 })
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

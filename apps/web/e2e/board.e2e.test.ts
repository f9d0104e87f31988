/**
 * Two people on one board, in two Chromium contexts, against the built app served by the real
 * relay. Person A reaches the relay through a TCP proxy so the test can cut A's connection for
 * real (Chromium's offline emulation leaves open websockets alone).
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js'
import { eventually } from './eventually.js'

const WAIT = { timeout: 15_000 }

async function expectStatus(page: Page, status: 'connected' | 'offline' | 'connecting'): Promise<void> {
  await page.locator(`[role="status"][data-status="${status}"]`).waitFor(WAIT)
}

function note(page: Page, nth = 0): Locator {
  return page.locator('[data-note-id]').nth(nth)
}

async function noteText(page: Page, nth = 0): Promise<string> {
  return note(page, nth).getByLabel('Note text').inputValue()
}

describe('a live sticky-note board for two people', () => {
  let relay: Relay
  let proxy: TcpProxy
  let browser: Browser
  let contexts: BrowserContext[] = []
  let a: Page
  let b: Page
  /** Anything the Content-Security-Policy refused: the app must run under it untouched. */
  const refusedByCsp: string[] = []

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    proxy = await startTcpProxy(relay.port)
    browser = await launchChromium()
    const { id, links } = await createBoardOver(relay.url, 'Framtidens bibliotek')
    contexts = await Promise.all([newPerson(browser), newPerson(browser)])
    ;[a, b] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page]
    // A joins with the participant link, B with the facilitator's.
    for (const page of [a, b]) {
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) refusedByCsp.push(message.text())
      })
    }
    await a.goto(boardLinkUrl(`http://127.0.0.1:${proxy.port}`, id, links.participant))
    await b.goto(boardLinkUrl(relay.url, id, links.facilitator))
    await Promise.all([expectStatus(a, 'connected'), expectStatus(b, 'connected')])
  })

  afterAll(async () => {
    await browser?.close()
    await proxy?.close()
    await relay?.close()
  })

  it('[WB1] a note created in A appears in B', async () => {
    await a.getByRole('button', { name: 'Add note' }).click()
    await note(a).waitFor(WAIT)
    await note(b).waitFor(WAIT)
    expect(await b.locator('[data-note-id]').count()).toBe(1)
    expect(await note(b).getAttribute('data-note-id')).toBe(await note(a).getAttribute('data-note-id'))
  })

  it('[WB2] text typed in B appears in A', async () => {
    const field = note(b).getByLabel('Note text')
    await field.click()
    await field.pressSequentially('Hej från B – åäö', { delay: 10 })
    await eventually(() => noteText(a), 'Hej från B – åäö', 'text in A')
  })

  it('[WB3] a drag in A moves the note in B', async () => {
    const before = await note(b).boundingBox()
    const grip = await note(a).boundingBox()
    if (!before || !grip) throw new Error('note not visible')
    // Grab the note by its top edge, away from the text field.
    const startX = grip.x + grip.width / 2
    const startY = grip.y + 6
    await a.mouse.move(startX, startY)
    await a.mouse.down()
    for (let step = 1; step <= 10; step++) await a.mouse.move(startX + step * 20, startY + step * 12)
    await a.mouse.up()
    await eventually(
      async () => {
        const after = await note(b).boundingBox()
        return after ? `${Math.round(after.x - before.x)},${Math.round(after.y - before.y)}` : 'gone'
      },
      '200,120',
      'note position in B',
    )
  })

  it('[WB4] A goes offline, edits, comes back, and B sees the edits', async () => {
    proxy.sever()
    await expectStatus(a, 'offline').catch(() => expectStatus(a, 'connecting'))
    const field = note(a).getByLabel('Note text')
    await field.click()
    await field.press('End')
    await field.pressSequentially(' + offline från A', { delay: 10 })
    await a.getByRole('button', { name: 'Add note' }).click()
    await a.locator('[data-note-id]').nth(1).waitFor(WAIT)
    // B must not have them yet: A's edits have nowhere to go.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await noteText(b)).toBe('Hej från B – åäö')
    expect(await b.locator('[data-note-id]').count()).toBe(1)

    proxy.restore()
    await expectStatus(a, 'connected')
    await eventually(() => noteText(b), 'Hej från B – åäö + offline från A', 'offline edit in B')
    await eventually(() => b.locator('[data-note-id]').count(), 2, 'offline note in B')
  })

  it('[WB5] B reloads and still sees everything', async () => {
    await b.reload()
    await expectStatus(b, 'connected')
    await eventually(() => b.locator('[data-note-id]').count(), 2, 'notes after reload')
    const texts = await Promise.all([0, 1].map((i) => noteText(b, i)))
    expect(texts).toContain('Hej från B – åäö + offline från A')
  })

  it('[WB7] A reloads with no network: the board opens from this device’s copy, and what A types then arrives', async () => {
    // The offline shell is set up at an idle moment a little after the page loaded.
    const shellReady = () =>
      a.evaluate(async () => (await (await caches.open('samla-shell-v1')).match('/')) !== undefined)
    await eventually(shellReady, true, 'the offline shell')
    proxy.sever()
    await expectStatus(a, 'offline').catch(() => expectStatus(a, 'connecting'))
    await a.reload()
    await eventually(() => a.locator('[data-note-id]').count(), 2, 'notes from the local copy')
    const texts = await Promise.all([0, 1].map((i) => noteText(a, i)))
    expect(texts).toContain('Hej från B – åäö + offline från A')
    const field = note(a).getByLabel('Note text')
    await field.click()
    await field.press('End')
    await field.pressSequentially(' efter omladdning', { delay: 10 })
    const typed = await field.inputValue()

    proxy.restore()
    await expectStatus(a, 'connected')
    await eventually(async () => (await Promise.all([0, 1].map((i) => noteText(b, i)))).includes(typed), true, 'in B')
  })

  it('[WB6] runs entirely under the strict Content-Security-Policy', () => {
    expect(refusedByCsp).toEqual([])
  })
})

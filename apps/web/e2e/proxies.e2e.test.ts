/**
 * An instance on the open internet, end to end: the app's websocket addresses carry no token and no
 * device key (proxies log addresses), a facilitator link stays in its tab unless the facilitator asks
 * this device to remember the board, and replacing the facilitator link keeps the replacing tab at
 * work while another facilitator tab is shut out with an explanation.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, WAIT } from './eventually.js'
import { type BoardLinks, boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

async function expectConnected(page: Page): Promise<void> {
  await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
}

function shareDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Share the board' })
}

async function openShare(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Share' }).click()
  const dialog = shareDialog(page)
  await dialog.getByLabel('Facilitator link', { exact: true }).waitFor(WAIT)
  return dialog
}

async function closeShare(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await shareDialog(page).waitFor({ state: 'hidden', ...WAIT })
}

/** Everything the page keeps in web storage, as one string per area. */
function storedIn(page: Page): Promise<{ local: string; session: string }> {
  return page.evaluate(() => {
    const dump = (storage: Storage) =>
      Object.keys(storage)
        .map((key) => `${key}=${storage.getItem(key)}`)
        .join('\n')
    return { local: dump(localStorage), session: dump(sessionStorage) }
  })
}

/** The addresses of every websocket the page opens, from now on. */
function watchSockets(page: Page): string[] {
  const urls: string[] = []
  page.on('websocket', (socket) => urls.push(socket.url()))
  return urls
}

describe('proxies, tokens and metrics in the browser', () => {
  let relay: Relay
  let browser: Browser
  let facilitatorDevice: BrowserContext
  let participantDevice: BrowserContext
  let boardId = ''
  let links: BoardLinks

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    ;[facilitatorDevice, participantDevice] = await Promise.all([newPerson(browser), newPerson(browser)])
    ;({ id: boardId, links } = await createBoardOver(relay.url, 'Öppet nät'))
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WT1] the websocket addresses of the app carry no token and no device key', async () => {
    const page = await participantDevice.newPage()
    const sockets = watchSockets(page)
    await page.goto(boardLinkUrl(relay.url, boardId, links.participant))
    await expectConnected(page)
    await eventually(async () => sockets.length >= 2, true, 'the board and control sockets')
    const deviceKey = await page.evaluate(() => localStorage.getItem('samla.deviceKey'))
    expect(deviceKey).toBeTruthy()
    for (const url of sockets) {
      expect(new URL(url).pathname).toMatch(new RegExp(`^/ws/${boardId}(/control)?$`))
      expect(new URL(url).search).toBe('')
      expect(url).not.toContain(links.participant)
      expect(url).not.toContain(deviceKey)
    }
    await page.close()
  })

  it('[WT2] a facilitator link is kept in its tab, and on this device only once the facilitator asks', async () => {
    const page = await facilitatorDevice.newPage()
    await page.goto(boardLinkUrl(relay.url, boardId, links.facilitator))
    await expectConnected(page)
    const opened = await storedIn(page)
    expect(opened.session).toContain(links.facilitator)
    expect(opened.local).toContain(boardId)
    expect(opened.local).not.toContain(links.facilitator)

    const dialog = await openShare(page)
    const keep = dialog.getByRole('checkbox', { name: 'Remember this board on this device' })
    expect(await keep.isChecked()).toBe(false)
    await keep.check()
    expect((await storedIn(page)).local).toContain(links.facilitator)
    await keep.uncheck()
    expect((await storedIn(page)).local).not.toContain(links.facilitator)
    await closeShare(page)
    // A reload keeps the tab's link; a new tab on this device has none.
    await page.reload()
    await expectConnected(page)
    expect(await page.locator('.role-badge').textContent()).toBe('Your role: Facilitator')
    expect((await storedIn(page)).local).not.toContain(links.facilitator)
    const other = await facilitatorDevice.newPage()
    await other.goto(`${relay.url}/b/${boardId}`)
    await other.locator('main[data-problem="missing-token"]').waitFor(WAIT)
    await other.close()
    await page.close()
  })

  it('[WT3] replacing the facilitator link keeps this tab at work with the new one; another facilitator tab is shut out and told why', async () => {
    const [replacing, otherTab] = await Promise.all([facilitatorDevice.newPage(), facilitatorDevice.newPage()])
    const participant = await participantDevice.newPage()
    const sockets = watchSockets(replacing)
    await replacing.goto(boardLinkUrl(relay.url, boardId, links.facilitator))
    await otherTab.goto(boardLinkUrl(relay.url, boardId, links.facilitator))
    await participant.goto(boardLinkUrl(relay.url, boardId, links.participant))
    await Promise.all([replacing, otherTab, participant].map(expectConnected))
    // Remembered on this device: the remembered link follows the replacement.
    const dialog = await openShare(replacing)
    await dialog.getByRole('checkbox', { name: 'Remember this board on this device' }).check()

    await dialog.getByRole('button', { name: 'Replace the facilitator link' }).click()
    const confirm = replacing.getByRole('dialog', { name: 'Replace the facilitator link?' })
    expect(await confirm.textContent()).toContain('your own other tabs and devices too')
    await confirm.getByRole('button', { name: 'Replace link', exact: true }).click()

    await otherTab.locator('main[data-problem="link-rotated"]').waitFor(WAIT)
    expect(await otherTab.getByRole('heading', { level: 1 }).textContent()).toBe('This link has been replaced')

    await expectConnected(replacing)
    await eventually(
      async () => (await replacing.getByRole('alert').allTextContents()).join(' ').includes('new facilitator link'),
      true,
      'the replacement told',
    )
    expect(await replacing.locator('.role-badge').textContent()).toBe('Your role: Facilitator')
    const stored = await storedIn(replacing)
    expect(stored.session).not.toContain(links.facilitator)
    const newLink = new URL(
      await (await openShare(replacing)).getByLabel('Facilitator link', { exact: true }).inputValue(),
    )
    const newToken = decodeURIComponent(newLink.hash.replace(/^#token=/, ''))
    expect(newToken).not.toBe(links.facilitator)
    expect(stored.session).toContain(newToken)
    expect(stored.local).toContain(newToken)
    expect(stored.local).not.toContain(links.facilitator)
    await closeShare(replacing)

    // Still the facilitator, live: a note reaches the participant, who was never disconnected.
    await replacing.getByRole('button', { name: 'Add note' }).click()
    await eventually(() => participant.locator('[data-note-id]').count(), 1, 'the note at the participant')
    await expectConnected(participant)
    expect(sockets.every((url) => new URL(url).search === '' && !url.includes(newToken))).toBe(true)
    await Promise.all([replacing.close(), otherTab.close(), participant.close()])
  })
})

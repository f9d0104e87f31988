/**
 * A Samla server open to the internet ([WI1], [WI2]): it creates boards only with its creation key.
 * The home page asks for the key when the relay says it needs one, explains a wrong key in plain
 * words, keeps the key on the device only when the box is ticked, and the facilitator is told in the
 * board how long an unchanged board is kept.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newPerson, startTestRelay } from './harness.js'

const WAIT = { timeout: 15_000 }
const KEY = 'kommunens-egen-nyckel-2026'
const STORED = 'samla.creationKey'

describe('creating boards on a server with a creation key', () => {
  let relay: Relay
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;({ relay } = await startTestRelay(
      undefined,
      0,
      {},
      {
        creationKey: KEY,
        retention: { afterMs: 30 * 24 * 60 * 60_000, checkEveryMs: 60 * 60_000 },
      },
    ))
    browser = await launchChromium()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await relay?.close()
  })

  async function home(locale: string): Promise<Page> {
    const context = await newPerson(browser, locale)
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(`${relay.url}/`)
    return page
  }

  const stored = (page: Page) => page.evaluate((name) => localStorage.getItem(name), STORED)

  it('[WI1] asks for the key, explains a wrong one, creates the board with the right one and keeps the key only when asked to', async () => {
    const page = await home('sv-SE')
    const form = page.locator('form.create-board').first()
    await page.getByLabel('Tavlans namn').fill('Medborgardialog')
    await form.getByRole('button', { name: 'Skapa tavla' }).click()
    const key = page.getByLabel('Nyckel för att skapa tavlor')
    await key.waitFor(WAIT)
    await expect.poll(() => key.evaluate((field) => field === document.activeElement), WAIT).toBe(true)
    await expect.poll(() => form.getByRole('alert').textContent(), WAIT).toContain('bara med en nyckel')

    await key.fill(`${KEY}-fel`)
    await form.getByRole('button', { name: 'Skapa tavla' }).click()
    await expect.poll(() => form.getByRole('alert').textContent(), WAIT).toContain('Nyckeln stämmer inte')
    expect(await key.getAttribute('aria-invalid')).toBe('true')

    await key.fill(KEY)
    await form.getByRole('button', { name: 'Skapa tavla' }).click()
    await page.waitForURL(/\/b\//, WAIT)
    expect(await stored(page)).toBeNull()
    // The facilitator is told that this server erases boards nobody changes.
    await page.getByText('Tavlan raderas automatiskt efter 30 dagar utan ändringar.').waitFor(WAIT)

    await page.goto(`${relay.url}/`)
    await page.getByLabel('Tavlans namn').fill('Andra tavlan')
    await page.locator('form.create-board').first().getByRole('button', { name: 'Skapa tavla' }).click()
    await page.getByLabel('Nyckel för att skapa tavlor').fill(KEY)
    await page.getByLabel('Kom ihåg nyckeln på den här enheten').check()
    await page.locator('form.create-board').first().getByRole('button', { name: 'Skapa tavla' }).click()
    await page.waitForURL(/\/b\//, WAIT)
    expect(await stored(page)).toBe(KEY)

    // Remembered: the next board is created without asking, and unticking forgets the key.
    await page.goto(`${relay.url}/`)
    const remembered = page.getByLabel('Nyckel för att skapa tavlor')
    expect(await remembered.inputValue()).toBe(KEY)
    await page.getByLabel('Kom ihåg nyckeln på den här enheten').uncheck()
    expect(await stored(page)).toBeNull()
  })

  it('[WI2] in English, the field and the wrong key are explained too', async () => {
    const page = await home('en-GB')
    const form = page.locator('form.create-board').first()
    await page.getByLabel('Board title').fill('Citizen dialogue')
    await form.getByRole('button', { name: 'Create board' }).click()
    const key = page.getByLabel('Key for creating boards')
    await key.waitFor(WAIT)
    await key.fill('not-the-key-at-all')
    await form.getByRole('button', { name: 'Create board' }).click()
    await expect.poll(() => form.getByRole('alert').textContent(), WAIT).toContain('That key is not right')
  })
})

/**
 * Presence for three people on one board, in three Chromium contexts against the real relay: the
 * join question, the participant list grouped by organisation, live cursors with names, the mark
 * on a note someone else is editing or has selected, and people leaving when their tab closes.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, eventually, expectStatus, noteById, onCanvas, WAIT } from './editing-helpers.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

function peopleCount(page: Page): Promise<string | null> {
  return page.locator('[data-people-count]').getAttribute('data-people-count')
}

describe('presence: who is here and what they do', () => {
  let relay: Relay
  let browser: Browser
  let contexts: BrowserContext[] = []
  let anna: Page
  let bo: Page
  let cecilia: Page

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    const { id, links } = await createBoardOver(relay.url, 'Vem är här?')
    contexts = await Promise.all([
      newPerson(browser, 'en-GB', { name: 'Anna', organisation: 'Region Skåne' }),
      newPerson(browser, 'en-GB', { name: 'Bo', organisation: 'region skåne' }),
      newPerson(browser, 'sv-SE', null),
    ])
    ;[anna, bo, cecilia] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page, Page]
    await anna.goto(boardLinkUrl(relay.url, id, links.participant))
    await bo.goto(boardLinkUrl(relay.url, id, links.participant))
    await cecilia.goto(boardLinkUrl(relay.url, id, links.facilitator))
    await Promise.all([expectStatus(anna, 'connected'), expectStatus(bo, 'connected')])
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WP1] asks someone new for their name and organisation, both required on a named board', async () => {
    const dialog = cecilia.getByRole('dialog', { name: 'Anslut till tavlan' })
    await dialog.waitFor(WAIT)
    await dialog.getByRole('button', { name: 'Anslut' }).click()
    expect(await dialog.getByText('Skriv ditt namn.').count()).toBe(1)
    expect(await dialog.getByLabel('Namn').evaluate((field) => field === document.activeElement)).toBe(true)
    await dialog.getByLabel('Namn').fill('Cecilia')
    await dialog.getByLabel('Organisation eller avdelning').fill('Malmö stad')
    await dialog.getByRole('button', { name: 'Anslut' }).click()
    await dialog.waitFor({ state: 'hidden', ...WAIT })
    expect(await cecilia.evaluate(() => localStorage.getItem('samla.organisation'))).toBe('Malmö stad')
  })

  it('[WP2] everyone sees everyone, grouped by organisation', async () => {
    for (const page of [anna, bo, cecilia]) await eventually(() => peopleCount(page), '3', 'people count')
    await anna.getByRole('button', { name: /Participants/ }).click()
    const panel = anna.locator('.people-panel')
    await eventually(
      () => panel.locator('.people-organisation').allTextContents(),
      ['Malmö stad, 1 person', 'Region Skåne, 2 people'],
      'organisations in the participant list',
    )
    expect(await panel.locator('.people-person').allTextContents()).toEqual(['Cecilia', 'Anna (you)', 'Bo'])
    await anna.keyboard.press('Escape')
    expect(await panel.isHidden()).toBe(true)
  })

  it('[WP3] a cursor moving in one tab is seen, with its name, in the two others', async () => {
    const point = await onCanvas(anna, 640, 300)
    await anna.mouse.move(point.x - 40, point.y - 40)
    await anna.mouse.move(point.x, point.y, { steps: 5 })
    for (const page of [bo, cecilia]) {
      const cursor = page.locator('.remote-cursor[data-cursor-name="Anna"]')
      await cursor.waitFor(WAIT)
      expect(await cursor.textContent()).toBe('Anna')
      // Everyone looks at the same part of the board: the cursor is drawn where Anna's pointer is.
      const canvas = await onCanvas(page, 0, 0)
      await eventually(
        async () => {
          const box = await cursor.boundingBox()
          return box !== null && Math.abs(box.x - canvas.x - 640) <= 2 && Math.abs(box.y - canvas.y - 300) <= 2
        },
        true,
        'cursor position',
      )
    }
    expect(await anna.locator('.remote-cursor').count()).toBe(0)
  })

  it('[WP4] a note someone else edits or has selected is marked with their name', async () => {
    const id = await addNote(bo, 400, 320, 'Bo skriver här')
    await noteById(bo, id).getByLabel('Note text').click()
    const mark = noteById(anna, id).locator('.note-presence')
    await eventually(() => mark.textContent(), 'Bo is editing', 'editing mark in Anna’s tab')
    await eventually(() => noteById(cecilia, id).locator('.note-presence').textContent(), 'Bo skriver', 'in Swedish')
    await bo.keyboard.press('Escape')
    await eventually(() => mark.textContent(), 'Bo has selected', 'selection mark')
    expect(await noteById(bo, id).locator('.note-presence').count()).toBe(0)
  })

  it('[WP5] someone closing their tab leaves the list within seconds', async () => {
    await cecilia.close()
    await eventually(() => peopleCount(anna), '2', 'people count after a tab closed', 5000)
    await eventually(() => anna.locator('.remote-cursor[data-cursor-name="Cecilia"]').count(), 0, 'cursor gone')
  })
})

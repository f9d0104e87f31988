/**
 * Deleting a board that a merged board was made from (#21's erasure point): the delete dialog offers to
 * remove its copies (ticked by default); with it ticked, the merged board open in another browser loses
 * that board's notes live and its facilitator is told in a notice, which closes from the keyboard; a
 * participant of the merged board sees no notice. Screenshots (1280 and 390 px) go to /tmp/shots.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, expectStatus, WAIT } from './editing-helpers.js'
import {
  type BoardLinks,
  boardLinkUrl,
  createBoardOver,
  launchChromium,
  newPerson,
  noteTexts,
  startTestRelay,
} from './harness.js'
import { axeViolations, shoot, writeNotesOver } from './phone-helpers.js'

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const NOTICE = 'Tavlan ”Kiruna” har raderats och dess 2 kopior togs bort härifrån.'

type Board = { id: string; links: BoardLinks }

describe('deleting a source of a merged board', () => {
  let relay: Relay
  let browser: Browser
  const contexts: BrowserContext[] = []
  let kiruna: Board
  let lulea: Board
  let merged: Board

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    kiruna = await createBoardOver(relay.url, 'Kiruna')
    lulea = await createBoardOver(relay.url, 'Luleå')
    await writeNotesOver(relay, kiruna.id, kiruna.links.facilitator, [
      'Fler cykelbanor året runt',
      'Snöröjning av cykelvägar först',
    ])
    await writeNotesOver(relay, lulea.id, lulea.links.facilitator, ['Gratis buss för unga'])
    const res = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'Norrbotten tillsammans',
        merge: [kiruna, lulea].map((board) => ({ id: board.id, token: board.links.facilitator })),
      }),
    })
    expect(res.status).toBe(201)
    merged = (await res.json()) as Board
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await relay?.close()
  })

  /** A Swedish person's page on a board (axe may be added to it: the app's policy is bypassed). */
  async function open(board: Board, token: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await newPerson(browser, 'sv-SE', undefined, { bypassCSP: true, ...options })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(boardLinkUrl(relay.url, board.id, token))
    await expectStatus(page, 'connected')
    return page
  }

  async function openDeleteDialog(page: Page, title: string) {
    await page.getByRole('button', { name: 'Radera tavlan' }).click()
    const dialog = page.getByRole('dialog', { name: `Radera ”${title}”?` })
    await dialog.waitFor(WAIT)
    return dialog
  }

  it('[WU1] a phone shows the offer to remove the copies; cancelling deletes nothing', async () => {
    const page = await open(lulea, lulea.links.facilitator, PHONE)
    await page.getByRole('button', { name: 'Meny' }).click()
    const dialog = await openDeleteDialog(page, 'Luleå')
    const offer = dialog.getByRole('checkbox', { name: 'Ta också bort kopiorna från den sammanslagna tavlan' })
    await offer.waitFor(WAIT)
    expect(await offer.isChecked()).toBe(true)
    const box = await dialog.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    await shoot(page, 'erasure-dialog-390')
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Avbryt' }).click()
    await dialog.waitFor({ state: 'hidden', ...WAIT })
  })

  it('[WU2] deleting a source with the copies ticked removes them live from the merged board, whose facilitator is told, not its participants', async () => {
    const watcher = await open(merged, merged.links.facilitator)
    await watcher.getByRole('button', { name: 'Lista', exact: true }).click()
    await eventually(
      async () => (await noteTexts(watcher)).sort(),
      ['Fler cykelbanor året runt', 'Gratis buss för unga', 'Snöröjning av cykelvägar först'],
      'the merged board with the notes of both sources',
    )
    const participant = await open(merged, merged.links.participant)
    const phone = await open(merged, merged.links.facilitator, PHONE)

    const page = await open(kiruna, kiruna.links.facilitator)
    const dialog = await openDeleteDialog(page, 'Kiruna')
    const offer = dialog.getByRole('checkbox', { name: 'Ta också bort kopiorna från den sammanslagna tavlan' })
    await offer.waitFor(WAIT)
    expect(await offer.isChecked()).toBe(true)
    await shoot(page, 'erasure-dialog-1280')
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Radera tavlan' }).click()
    await page.waitForURL(`${relay.url}/`, WAIT)

    await eventually(async () => noteTexts(watcher), ['Gratis buss för unga'], 'Kiruna’s copies removed live')
    const notice = watcher.locator('.erasure-notice')
    await eventually(async () => (await notice.textContent()) ?? '', NOTICE, 'the notice')
    expect(await notice.evaluate((element) => element.closest('[role="status"]') !== null)).toBe(true)
    await shoot(watcher, 'erasure-notice-1280')
    expect(await axeViolations(watcher)).toEqual([])
    await eventually(async () => (await phone.locator('.erasure-notice').textContent()) ?? '', NOTICE, 'on a phone')
    await shoot(phone, 'erasure-notice-390')
    expect(await participant.locator('.erasure-notice').count()).toBe(0)

    // Closed from the keyboard, for every facilitator.
    const close = watcher.getByRole('button', { name: 'Stäng meddelandet om ”Kiruna”' })
    await close.focus()
    await watcher.keyboard.press('Enter')
    await notice.waitFor({ state: 'detached', ...WAIT })
    await phone.locator('.erasure-notice').waitFor({ state: 'detached', ...WAIT })
  })
})

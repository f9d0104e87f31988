/**
 * A merged board end to end (#21): two boards with notes made over the API and a stock Yjs client,
 * merged over the API, opened by the facilitator on a laptop (Swedish, light and dark) and a phone
 * (English). Each region shows its source board's title, each copied note names its source board
 * (on the note and in its accessible name, on the canvas and in the outline), and a double-click in
 * a region still adds a note. Screenshots, the projector's included, go to /tmp/shots.
 */
import { addNote, listNotes, listRegions } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, WAIT } from './eventually.js'
import { type BoardLinks, boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import { axeViolations, pause, shoot, syncedClient } from './phone-helpers.js'

const SHORT = 'Kiruna'
/** Longer than a note's mark has room for, so it is cut there with an ellipsis and whole in the name. */
const LONG = 'Luleå kommuns medborgardialog om cykelvägar i centrum'
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }

async function sourceBoard(relay: Relay, title: string, text: string): Promise<{ id: string; links: BoardLinks }> {
  const board = await createBoardOver(relay.url, title)
  const client = await syncedClient(relay, board.id, board.links.facilitator)
  addNote(client.doc, { x: 40, y: 40, text })
  await pause(300)
  client.destroy()
  return board
}

function note(page: Page, text: string) {
  return page.locator('.canvas [data-note-id]').filter({ hasText: text })
}

function regionTitle(page: Page, title: string) {
  return page.locator('.region-title').filter({ hasText: title })
}

/** Pans with the keyboard until `title`'s heading is wholly on screen (a phone shows one region at a time). */
async function panTo(page: Page, title: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0
  for (let step = 0; step < 40; step++) {
    const box = await regionTitle(page, title).boundingBox()
    if (box && box.x >= 0 && box.x < width / 2) return
    await page.locator('.canvas').focus()
    await page.keyboard.press(box && box.x < 0 ? 'Shift+ArrowLeft' : 'Shift+ArrowRight')
  }
}

describe('a merged board: regions and sources', () => {
  let relay: Relay
  let browser: Browser
  let merged = { id: '', links: { facilitator: '', participant: '', viewer: '' } as BoardLinks }

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    const kiruna = await sourceBoard(relay, SHORT, 'Fler cykelbanor året runt')
    const lulea = await sourceBoard(relay, LONG, 'Tätare busstrafik på kvällarna')
    const res = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'Norrbotten tillsammans',
        merge: [kiruna, lulea].map((board) => ({ id: board.id, token: board.links.facilitator })),
      }),
    })
    expect(res.status).toBe(201)
    merged = (await res.json()) as typeof merged
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  for (const [size, options, locale, from, fit, outline] of [
    ['1280', LAPTOP, 'sv-SE', 'Från', 'Visa alla lappar', 'Lista'],
    ['390', PHONE, 'en-GB', 'From', 'Show all notes', 'Outline'],
  ] as const) {
    it(`[WQ1] at ${size} px both regions show their source's title and each note its source, on the canvas and in the outline, with nothing axe finds`, async () => {
      // bypassCSP: axe is added to the page as a script, which the app's policy would refuse.
      const context = await newPerson(browser, locale, undefined, { ...options, bypassCSP: true })
      const page = await context.newPage()
      await page.goto(boardLinkUrl(relay.url, merged.id, merged.links.facilitator))
      await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
      await page.getByRole('button', { name: fit }).click()
      for (const [title, text] of [
        [SHORT, 'Fler cykelbanor'],
        [LONG, 'Tätare busstrafik'],
      ] as const) {
        await panTo(page, title)
        await expect.poll(() => regionTitle(page, title).isVisible(), WAIT).toBe(true)
        const card = note(page, text)
        await expect.poll(() => card.locator('.note-origin').textContent(), WAIT).toBe(`${from} ${title}`)
        expect(await card.locator('.note-origin').isVisible()).toBe(true)
        expect(await card.getAttribute('aria-label')).toContain(`${from} ${title}`)
        if (title === SHORT) await shoot(page, `regions-${size}-light`)
      }
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: outline, exact: true }).click()
      for (const [title, text] of [
        [SHORT, 'Fler cykelbanor'],
        [LONG, 'Tätare busstrafik'],
      ] as const) {
        const item = page.locator('.outline-note').filter({ hasText: text })
        expect(await item.getAttribute('aria-label')).toContain(`${from} ${title}`)
        expect(await item.locator('.note-origin').isVisible()).toBe(true)
      }
      await shoot(page, `regions-${size}-outline`)
      await context.close()
    })

    it(`[WQ3] at ${size} px a long source title on a note ends in an ellipsis inside the note, before its delete button, whole in its title`, async () => {
      const context = await newPerson(browser, locale, undefined, options)
      const page = await context.newPage()
      await page.goto(boardLinkUrl(relay.url, merged.id, merged.links.facilitator))
      await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
      await page.getByRole('button', { name: fit }).click()
      await panTo(page, LONG)
      const card = note(page, 'Tätare busstrafik')
      const mark = card.locator('.note-origin')
      await mark.waitFor(WAIT)
      expect(await mark.getAttribute('title')).toBe(`${from} ${LONG}`)
      // The title is cut by the mark's own ellipsis, drawn inside the note (not clipped by its edge).
      expect(await mark.evaluate((element) => getComputedStyle(element).textOverflow)).toBe('ellipsis')
      expect(await mark.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
      // The mark, and the delete button after it at its full size, stay on the note.
      const cardBox = await card.boundingBox()
      const remove = card.locator('.note-header button')
      for (const part of (await remove.count()) > 0 ? [mark, remove.last()] : [mark]) {
        const box = await part.boundingBox()
        expect(box && cardBox && box.x + box.width <= cardBox.x + cardBox.width).toBe(true)
      }
      if ((await remove.count()) > 0) {
        expect(await remove.last().evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true)
      }
      await context.close()
    })

    it(`[WQ2] at ${size} px a double-click inside a region still adds a note there`, async () => {
      const context = await newPerson(browser, locale, undefined, options)
      const page = await context.newPage()
      await page.goto(boardLinkUrl(relay.url, merged.id, merged.links.facilitator))
      await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
      await page.getByRole('button', { name: fit }).click()
      await panTo(page, SHORT)
      const region = page.locator('.region').filter({ has: regionTitle(page, SHORT) })
      const box = await region.boundingBox()
      // Counted in the doc, not the DOM: the canvas renders only the notes in view.
      const watcher = await syncedClient(relay, merged.id, merged.links.facilitator)
      const before = new Set(listNotes(watcher.doc).map((n) => n.id))
      // Right of the copied note (a region is as wide as the widest note may be), inside it and on screen;
      // the laptop further right, off the phone's spot, as both add to the same board.
      const across = (box?.width ?? 0) * (size === '1280' ? 0.75 : 0.5)
      const x = Math.min((box?.x ?? 0) + across, (page.viewportSize()?.width ?? 0) - 40)
      const y = (box?.y ?? 0) + (box?.height ?? 0) / 2
      expect(await page.evaluate(([px, py]) => document.elementFromPoint(px ?? 0, py ?? 0)?.className, [x, y])).toBe(
        'canvas',
      )
      await page.mouse.dblclick(x, y)
      await eventually(async () => listNotes(watcher.doc).length, before.size + 1, 'a note added')
      const added = listNotes(watcher.doc).find((n) => !before.has(n.id))
      const kiruna = listRegions(watcher.doc).find((r) => r.title === SHORT)
      expect(added && kiruna && added.x >= kiruna.x && added.x < kiruna.x + kiruna.width).toBe(true)
      watcher.destroy()
      await context.close()
    })
  }

  it('[WQ1] in the dark theme and on the projector the regions and sources stay readable', async () => {
    const dark = await newPerson(browser, 'sv-SE', undefined, { ...LAPTOP, colorScheme: 'dark' })
    const page = await dark.newPage()
    await page.goto(boardLinkUrl(relay.url, merged.id, merged.links.facilitator))
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await page.getByRole('button', { name: 'Visa alla lappar' }).click()
    await regionTitle(page, SHORT).waitFor(WAIT)
    await shoot(page, 'regions-1280-dark')
    await page.getByRole('button', { name: 'Lista', exact: true }).click()
    await page.locator('.outline-note .note-origin').first().waitFor(WAIT)
    await shoot(page, 'regions-1280-dark-outline')
    await dark.close()
    const projector = await newPerson(browser, 'sv-SE', undefined, { viewport: { width: 1920, height: 1080 } })
    const screen = await projector.newPage()
    await screen.goto(boardLinkUrl(relay.url, merged.id, merged.links.viewer))
    await screen.locator('.presentation').waitFor(WAIT)
    await regionTitle(screen, SHORT).waitFor(WAIT)
    await pause(500)
    await shoot(screen, 'regions-1920-projector')
    await projector.close()
  })
})

/**
 * Phones and tablets end to end: a participant on a 390 px touch phone joins a workshop whose title
 * is 60 characters long while a timer runs and a vote is open, and nothing on any page is wider
 * than the screen; they write, pinch to zoom, drag a note with one finger and vote. A facilitator on
 * a 768 px tablet runs the phases. A note of 2,000 characters shows all its text. Others' marks on a
 * note, on a phone and a laptop, sit outside it, over none of its text or buttons. Pinches are real
 * touch events (CDP Input.dispatchTouchEvent). Screenshots of each screen go to /tmp/shots.
 */
import {
  addNote,
  createCluster,
  MAX_NOTE_TEXT_LENGTH,
  PLACEMENT_GAP,
  readNote,
  setPhase,
  setTimer,
  startTimer,
  startVote,
} from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { eventually, WAIT } from './eventually.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import {
  axeViolations,
  fingerDrag,
  markCovers,
  noteWith,
  overflowing,
  pause,
  pinch,
  shoot,
  syncedClient,
  zoomOf,
} from './phone-helpers.js'

/** 60 characters, with a dash and Swedish letters, as real workshop titles are. */
const TITLE = 'Kiruna 2030 – idéverkstad över förvaltningsgränser, vår 2026'
const LONG_NOTE = 'Öppna data om bussarnas avgångar i realtid – även för skolskjutsar. '
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const TABLET: BrowserContextOptions = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true }
const LAPTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } }

describe('phones and tablets', () => {
  let relay: Relay
  let browser: Browser
  let boardId = ''
  let links = { facilitator: '', participant: '', viewer: '' }
  let control: WebsocketProvider

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    ;({ id: boardId, links } = await createBoardOver(relay.url, TITLE))
    // The workshop is under way: writing, the clock running, and a vote already set up.
    control = await syncedClient(relay, `${boardId}/control`, links.facilitator)
    setPhase(control.doc, 'write')
    setTimer(control.doc, 9 * 60_000)
    startTimer(control.doc, Date.now())
    startVote(control.doc, { budget: 5, capPerNote: 3 })
  })

  afterAll(async () => {
    control?.destroy()
    await browser?.close()
    await relay?.close()
  })

  it('[WO1] the home page and the join dialog fit a 390 px phone', async () => {
    const context = await newPerson(browser, 'sv-SE', null, PHONE)
    const page = await context.newPage()
    await page.goto(relay.url)
    await page.locator('h1').first().waitFor(WAIT)
    await shoot(page, 'home-390-light')
    expect(await overflowing(page)).toEqual([])
    await page.goto(boardLinkUrl(relay.url, boardId, links.participant))
    const dialog = page.getByRole('dialog', { name: 'Anslut till tavlan' })
    await dialog.waitFor(WAIT)
    await shoot(page, 'join-390-light')
    expect(await overflowing(page)).toEqual([])
    const submit = dialog.getByRole('button', { name: 'Anslut' })
    const box = await submit.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    await context.close()
  })

  it('[WO2] a participant on a phone joins, writes, pinches, drags a note into a group with a finger and votes', async () => {
    const context = await newPerson(browser, 'sv-SE', null, PHONE)
    const page = await context.newPage()
    await page.goto(boardLinkUrl(relay.url, boardId, links.participant))
    const dialog = page.getByRole('dialog', { name: 'Anslut till tavlan' })
    await dialog.getByLabel('Namn', { exact: true }).fill('Nils Pavval')
    await dialog.getByLabel('Organisation eller avdelning').fill('Kiruna kommun')
    await dialog.getByRole('button', { name: 'Anslut' }).tap()
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await page.getByRole('timer').waitFor(WAIT)
    expect(await overflowing(page)).toEqual([])

    // The board takes most of the screen.
    const stage = await page.locator('.board-stage').boundingBox()
    expect(stage?.height ?? 0).toBeGreaterThan(844 * 0.7)

    for (const text of ['Fler cykelbanor året runt', LONG_NOTE]) {
      await page.getByRole('button', { name: 'Ny lapp' }).tap()
      const field = page.locator('textarea:focus')
      await field.waitFor(WAIT)
      await field.fill(text)
      await page.keyboard.press('Escape')
    }
    await shoot(page, 'board-390-light')
    expect(await overflowing(page)).toEqual([])

    const cdp = await page.context().newCDPSession(page)
    const canvas = await page.locator('.canvas').boundingBox()
    if (!canvas) throw new Error('no canvas')
    const before = await zoomOf(page)
    // Over the board's middle (notes included): the toolbar floats over the bottom.
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 3 }
    await pinch(cdp, centre, 80, 2)
    const after = await zoomOf(page)
    expect(after).toBeGreaterThan(before * 1.3)
    await pinch(cdp, centre, 200, 0.5)
    expect(await zoomOf(page)).toBeLessThan(after)

    // In the grouping phase the facilitator makes a group just below the note; the participant drags
    // the note into it with a finger.
    setPhase(control.doc, 'cluster')
    const note = noteWith(page, 'Fler cykelbanor året runt')
    const noteId = (await note.getAttribute('data-note-id')) ?? ''
    const board = await syncedClient(relay, boardId, links.facilitator)
    const placed = readNote(board.doc, noteId)
    if (!placed) throw new Error('note not on the board')
    const groupId = createCluster(board.doc, { name: 'Trafik', x: placed.x, y: placed.y + placed.height + 60 })
    const frame = page.locator(`[data-cluster-id="${groupId}"]`)
    await frame.waitFor(WAIT)
    const start = await note.boundingBox()
    const target = await frame.boundingBox()
    if (!start || !target) throw new Error('note or group not shown')
    const grip = { x: start.x + start.width / 2, y: start.y + 8 }
    await fingerDrag(cdp, grip, 0, target.y + target.height / 2 - grip.y)
    await eventually(
      async () => readNote(board.doc, noteId)?.clusterId ?? null,
      groupId,
      'the note in the group for everyone',
    )
    await eventually(() => frame.locator('.cluster-count').textContent(), '1 lapp', 'the group counts it')
    board.destroy()

    setPhase(control.doc, 'vote')
    // The group's grid took the note below the fold: "show all" brings it between the search and the toolbar.
    await page.getByRole('button', { name: 'Visa alla lappar' }).tap()
    const plus = noteWith(page, 'Fler cykelbanor året runt').getByRole('button', { name: 'Lägg en prick på lappen' })
    await plus.waitFor(WAIT)
    expect(await overflowing(page)).toEqual([])
    await plus.tap()
    await eventually(() => page.locator('.vote-left').first().textContent(), '4 av 5 prickar kvar', 'dot placed')
    await shoot(page, 'board-390-vote-light')
    setPhase(control.doc, 'write')
    await context.close()
  })

  it('[WO3] a note of 2,000 characters shows all its text at working zoom', async () => {
    const board = await syncedClient(relay, boardId, links.facilitator)
    const text = LONG_NOTE.repeat(40).slice(0, MAX_NOTE_TEXT_LENGTH)
    addNote(board.doc, { x: 2000, y: 2000, text })
    await pause(300)
    board.destroy()
    const context = await newPerson(browser, 'sv-SE', undefined, PHONE)
    const page = await context.newPage()
    await page.goto(boardLinkUrl(relay.url, boardId, links.participant))
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await page.getByRole('button', { name: 'Visa alla lappar' }).tap()
    const field = page.locator('.canvas textarea').filter({ hasText: text.slice(0, 40) })
    // Brought to full size by Enter on the note, the way the keyboard and the outline do.
    await page.evaluate(() => {
      const note = [...document.querySelectorAll<HTMLElement>('.canvas [data-note-id]')].at(-1)
      note?.focus()
    })
    await page.keyboard.press('Enter')
    await field.waitFor(WAIT)
    const fits = await field.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)
    expect(fits).toBe(true)
    expect(await field.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12)
    await context.close()
  })

  it('[WO4] "show all notes" keeps text on the notes', async () => {
    const context = await newPerson(browser, 'sv-SE', undefined, PHONE)
    const page = await context.newPage()
    await page.goto(boardLinkUrl(relay.url, boardId, links.participant))
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await page.getByRole('button', { name: 'Visa alla lappar' }).tap()
    await pause(200)
    expect(await page.locator('.notes-overview').count()).toBe(0)
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.5)
    await context.close()
  })

  it('[WO5] a facilitator on a 768 px tablet runs the phases', async () => {
    const context = await newPerson(browser, 'en-GB', undefined, TABLET)
    const page = await context.newPage()
    await page.goto(boardLinkUrl(relay.url, boardId, links.facilitator))
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    expect(await overflowing(page)).toEqual([])
    const stage = await page.locator('.board-stage').boundingBox()
    expect(stage?.height ?? 0).toBeGreaterThan(1024 * 0.7)
    for (const phase of ['2. Cluster', '3. Vote', '4. Discuss', '1. Write']) {
      await page.getByRole('button', { name: `Change phase to ${phase}` }).tap()
      await eventually(async () => (await page.locator('[aria-current="step"]').textContent()) ?? '', phase, phase)
      expect(await overflowing(page)).toEqual([])
    }
    await page.getByRole('button', { name: 'Facilitation' }).tap()
    await page.locator('#facilitator-panel').waitFor(WAIT)
    await shoot(page, 'facilitator-768-light')
    expect(await overflowing(page)).toEqual([])
    await context.close()
  })

  it('[WO6] axe finds nothing at 390 px, in Swedish and English; screenshots in light and dark', async () => {
    for (const [locale, scheme] of [
      ['sv-SE', 'light'],
      ['en-GB', 'dark'],
    ] as const) {
      const context = await newPerson(browser, locale, undefined, { ...PHONE, colorScheme: scheme, bypassCSP: true })
      const page = await context.newPage()
      await page.goto(boardLinkUrl(relay.url, boardId, links.participant))
      await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
      await page.locator('.canvas [data-note-id]').first().waitFor(WAIT)
      await shoot(page, `board-390-${scheme}-${locale}`)
      expect(await axeViolations(page)).toEqual([])
      await context.close()
    }
    for (const [width, height] of [
      [768, 1024],
      [1440, 900],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const options = width < 1000 ? { ...TABLET, viewport: { width, height } } : { viewport: { width, height } }
        const context = await newPerson(browser, 'sv-SE', undefined, { ...options, colorScheme: scheme })
        const page = await context.newPage()
        await page.goto(boardLinkUrl(relay.url, boardId, links.facilitator))
        await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
        await page.locator('.canvas [data-note-id]').first().waitFor(WAIT)
        await shoot(page, `board-${width}-${scheme}`)
        expect(await overflowing(page)).toEqual([])
        await context.close()
      }
    }
  })

  it('[WO7] others’ marks on a note cover neither its text nor its buttons, on a phone and a laptop', async () => {
    // A board of its own, so the notes it needs change nothing the tests above find.
    const { id: markBoard, links: markLinks } = await createBoardOver(relay.url, 'Markeringar')
    const board = await syncedClient(relay, markBoard, markLinks.facilitator)
    const markControl = await syncedClient(relay, `${markBoard}/control`, markLinks.facilitator)
    // Two notes one over the other, as far apart as new notes are placed: a mark on the lower one sits
    // between them, so it must keep off the upper one's controls as well.
    addNote(board.doc, { x: 40, y: 100, width: 220, height: 160, text: 'Fler cykelbanor året runt' })
    const below = addNote(board.doc, {
      x: 40,
      y: 100 + 160 + PLACEMENT_GAP,
      width: 220,
      height: 160,
      text: 'Tätare busstrafik på kvällarna, även till byarna',
    })
    startVote(markControl.doc, { budget: 5, capPerNote: 3 })
    try {
      for (const [name, options] of [
        ['390', PHONE],
        ['1440', LAPTOP],
      ] as const) {
        setPhase(markControl.doc, 'write')
        const contexts = await Promise.all(
          [
            { name: 'Ada Andersson', organisation: 'Region Norrbotten' },
            { name: 'Nils Pavval', organisation: 'Kiruna kommun' },
            { name: 'Karin Lindqvist', organisation: 'LKAB' },
          ].map((person) => newPerson(browser, 'sv-SE', person, options)),
        )
        const [watcher, nils, karin] = (await Promise.all(contexts.map((context) => context.newPage()))) as [
          Page,
          Page,
          Page,
        ]
        for (const page of [watcher, nils, karin]) {
          await page.goto(boardLinkUrl(relay.url, markBoard, markLinks.participant))
          await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
        }
        const press = (locator: Locator) => (options.hasTouch ? locator.tap() : locator.click())
        const lower = (page: Page) => page.locator(`.canvas [data-note-id="${below}"]`)
        const mark = lower(watcher).locator('.note-presence')

        // Nils writes in the lower note.
        await press(lower(nils).locator('textarea'))
        await eventually(() => mark.textContent(), 'Nils Pavval skriver', `editing mark at ${name}`)
        await shoot(watcher, `marks-${name}-editing`)
        expect(await markCovers(watcher, below)).toEqual([])

        // During a vote Nils and Karin both have it selected (two names on the mark), and the note
        // carries its vote buttons.
        await nils.keyboard.press('Escape')
        setPhase(markControl.doc, 'vote')
        await lower(watcher).getByRole('button', { name: 'Lägg en prick på lappen' }).waitFor(WAIT)
        await press(lower(nils).locator('.note-header'))
        await press(lower(karin).locator('.note-header'))
        await eventually(
          async () => (await mark.locator('.note-presence-name').allTextContents()).sort(),
          ['Karin Lindqvist har markerat', 'Nils Pavval har markerat'],
          `selection marks at ${name}`,
        )
        await shoot(watcher, `marks-${name}-vote`)
        expect(await markCovers(watcher, below)).toEqual([])
        await Promise.all(contexts.map((context) => context.close()))
      }
    } finally {
      board.destroy()
      markControl.destroy()
    }
  })
})

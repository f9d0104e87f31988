/**
 * The projector, end to end at 1920×1080: a facilitator (one context) runs a board whose vote is
 * done (imported with its ballots); a viewer's link (another context) opens in presentation mode —
 * large timer, no editing controls, the join screen's QR code when the facilitator shows it, the
 * results on the board — and axe finds nothing there in Swedish and English, light and dark. The
 * results open at their top, the first place in view. With SAMLA_SHOTS=<dir>, screenshots of the
 * projector are written there.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { addNote, type Ballot, createCluster, exportBoardJson, initBoard } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { eventually } from './eventually.js'
import { boardLinkUrl, launchChromium, newPerson, startTestRelay } from './harness.js'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core')
const WAIT = { timeout: 15_000 }
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const PROJECTOR = { width: 1920, height: 1080 }
const SHOTS = process.env.SAMLA_SHOTS
const TITLE = 'Kiruna 2030'
const WINNER = 'Fler e-tjänster för företagare'

interface Created {
  readonly id: string
  readonly links: { readonly facilitator: string; readonly participant: string; readonly viewer: string }
}

/**
 * A workshop after its vote: three groups of eight notes and six loose ones, and five people's
 * ballots (the winner has 5 dots, then 3, 2, 1), enough for the results to run past one screen.
 */
function workshop(): unknown {
  const doc = new Y.Doc()
  initBoard(doc, { title: TITLE })
  const groups = ['Service', 'Trafik', 'Kultur']
  const ids: string[] = []
  groups.forEach((name, g) => {
    const members = Array.from({ length: 8 }, (_, i) =>
      addNote(doc, {
        x: 40 + i * 190,
        y: 80 + g * 260,
        text: g === 0 && i === 0 ? WINNER : `${name}: förslag nummer ${i + 1} om hur staden kan bli bättre`,
        colour: (['yellow', 'blue', 'green'] as const)[g],
      }),
    )
    createCluster(doc, { name, noteIds: members })
    ids.push(...members)
  })
  for (let i = 0; i < 6; i++) addNote(doc, { x: 40 + i * 190, y: 900, text: `Lös idé ${i + 1}`, colour: 'pink' })
  const [winner = '', second = '', third = '', fourth = ''] = [ids[0], ids[9], ids[17], ids[3]]
  const ballots: Ballot[] = [
    new Map([[winner, 2]]),
    new Map([
      [winner, 1],
      [second, 1],
    ]),
    new Map([
      [winner, 1],
      [second, 2],
    ]),
    new Map([
      [winner, 1],
      [third, 2],
    ]),
    new Map([[fourth, 1]]),
  ]
  return exportBoardJson(doc, ballots)
}

async function violations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe
    const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: { id: string; nodes: { target: string[] }[] }[]
    }
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, TAGS)
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

describe('the projector: presentation mode, join screen, results', () => {
  let relay: Relay
  let browser: Browser
  let board: Created
  let facilitatorContext: BrowserContext
  let facilitator: Page
  let viewerContext: BrowserContext
  let viewer: Page
  const url = (token: string) => boardLinkUrl(relay.url, board.id, token)
  const connected = (page: Page) => page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
  /** The facilitator's switch: it takes effect once the participant link is fetched and the control doc changed. */
  const showJoinScreen = async (on: boolean) => {
    const toggle = facilitator.getByRole('checkbox', { name: 'Show the QR code to join' })
    if ((await toggle.isChecked()) !== on) await toggle.click()
    await eventually(() => toggle.isChecked(), on, 'the join screen switched')
  }

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    const res = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ title: TITLE, import: workshop() }),
    })
    expect(res.status).toBe(201)
    board = (await res.json()) as Created
    facilitatorContext = await newPerson(browser, 'en-GB', undefined, { viewport: PROJECTOR })
    facilitator = await facilitatorContext.newPage()
    await facilitator.goto(url(board.links.facilitator))
    await connected(facilitator)
    viewerContext = await newPerson(browser, 'en-GB', undefined, { viewport: PROJECTOR })
    viewer = await viewerContext.newPage()
    await viewer.goto(url(board.links.viewer))
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WR2] a viewer link opens in presentation mode, without any editing control', async () => {
    await viewer.locator('.presentation').waitFor(WAIT)
    await viewer.locator('[data-note-id]').first().waitFor(WAIT)
    expect(await viewer.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE)
    // No toolbar, search, shortcuts, panels or session bar; on the notes no colour menu and nobody's marks.
    for (const selector of [
      '.board-toolbar',
      '.search-panel',
      '.shortcuts-button',
      '.session-bar',
      '.facilitator-panel',
      '.selection-toolbar',
    ]) {
      expect(await viewer.locator(selector).count(), selector).toBe(0)
    }
    expect(await viewer.locator('select:visible, input:visible').count()).toBe(0)
    expect(await viewer.getByRole('button', { name: /shortcut/i }).count()).toBe(0)
    expect(await viewer.getByRole('searchbox').count()).toBe(0)
    expect(await viewer.locator('.note-presence:visible, .remote-cursor:visible').count()).toBe(0)
    // The only button is the way out, for a viewer on a laptop.
    expect(await viewer.getByRole('button').allTextContents()).toEqual(['Leave the presentation'])
    // The room sees whether the projector is still connected.
    expect(await viewer.locator('.presentation-bar [role="status"]').getAttribute('data-status')).toBe('connected')
  })

  it('[WR3] the timer on the projector is at least a tenth of the screen high', async () => {
    await facilitator.getByLabel('Minutes').fill('5')
    await facilitator.getByRole('button', { name: 'Set', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Start', exact: true }).click()
    const timer = viewer.getByRole('timer')
    await timer.waitFor(WAIT)
    await eventually(async () => /^[45]:\d\d$/.test((await timer.textContent()) ?? ''), true, 'the timer runs')
    const box = await timer.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(PROJECTOR.height * 0.1)
    // The digits themselves, not only their line box: the font is larger than that height.
    const fontSize = await timer.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
    expect(fontSize * 0.7).toBeGreaterThanOrEqual(PROJECTOR.height * 0.1)
    await shoot(viewer, 'projector-board-light')
  })

  it('[WR4] the facilitator puts the join screen on the projector: the participant link as a QR code and a short link', async () => {
    await showJoinScreen(true)
    const qr = viewer.getByRole('img', { name: 'QR code for the participant link' })
    await qr.waitFor(WAIT)
    expect(await viewer.getByRole('heading', { name: 'Join the board' }).count()).toBe(1)
    const side = await qr.boundingBox()
    expect(side?.height ?? 0).toBeGreaterThan(PROJECTOR.height * 0.4)
    // Under the code, the short link to type, in large type, instead of the full one.
    const short = viewer.locator('.join-screen-short')
    const shown = (await short.textContent()) ?? ''
    const { code } = (await (
      await fetch(`${relay.url}/api/boards/${board.id}/join-code`, {
        headers: { authorization: `Bearer ${board.links.facilitator}` },
      })
    ).json()) as { code: string }
    expect(shown).toBe(`${new URL(relay.url).host}/j/${code.slice(0, 4)}-${code.slice(4)}`)
    expect(await viewer.locator('.join-screen-url').count()).toBe(0)
    expect(await viewer.getByText('or type the address:').count()).toBe(1)
    expect(Number.parseFloat(await short.evaluate((element) => getComputedStyle(element).fontSize))).toBeGreaterThan(
      PROJECTOR.height * 0.06,
    )
    // Typed in a new browser, it opens the board as a participant.
    const joinerContext = await newPerson(browser, 'en-GB')
    const joiner = await joinerContext.newPage()
    await joiner.goto(`http://${shown}`)
    await joiner.getByRole('button', { name: 'Add note' }).waitFor(WAIT)
    expect(new URL(joiner.url()).pathname).toBe(`/b/${board.id}`)
    expect(await joiner.locator('.presentation').count()).toBe(0)
    await joinerContext.close()
    // Replacing the participant link while the join screen is up puts the new link's code on it; the old code leads nowhere.
    await facilitator.getByRole('button', { name: 'Share' }).click()
    await facilitator.getByRole('button', { name: 'Replace link for participants' }).click()
    const confirm = facilitator.getByRole('dialog', { name: 'Replace the participant link?' })
    await confirm.getByRole('button', { name: 'Replace link', exact: true }).click()
    await confirm.waitFor({ state: 'hidden', ...WAIT })
    await eventually(async () => (await short.textContent()) !== shown, true, 'the new code on the join screen')
    await facilitator.keyboard.press('Escape')
    expect((await fetch(`http://${shown}`, { redirect: 'manual' })).status).toBe(404)
    const renewed = await fetch(`http://${await short.textContent()}`, { redirect: 'manual' })
    expect(renewed.status).toBe(302)
    const { participant } = (await (
      await fetch(`${relay.url}/api/boards/${board.id}/links`, {
        headers: { authorization: `Bearer ${board.links.facilitator}` },
      })
    ).json()) as { participant: string }
    expect(renewed.headers.get('location')).toBe(`/b/${board.id}#${new URLSearchParams({ token: participant })}`)
    await shoot(viewer, 'projector-join-light')
    await showJoinScreen(false)
    await viewer.locator('[data-note-id]').first().waitFor(WAIT)
    expect(await viewer.locator('.join-screen').count()).toBe(0)
  })

  it('[WR5] the results open at their top with the first place in view, and show on the board for everyone', async () => {
    const open = async (page: Page) => {
      await page.getByRole('button', { name: 'Results', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Results' })
      await dialog.getByText(WINNER).first().waitFor(WAIT)
      return dialog
    }
    const firstPlaceInView = async (page: Page) => {
      const dialog = page.getByRole('dialog', { name: 'Results' })
      expect(await dialog.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true)
      expect(await dialog.evaluate((element) => element.scrollTop)).toBe(0)
      const first = dialog.locator('.results-podium li[data-place="1"]')
      expect(await first.textContent()).toContain(WINNER)
      expect(await first.textContent()).toContain('5 dots')
      const box = await first.boundingBox()
      expect(box && box.y >= 0 && box.y + box.height <= PROJECTOR.height).toBe(true)
    }
    await open(facilitator)
    await firstPlaceInView(facilitator)
    await shoot(facilitator, 'facilitator-results-light')
    await facilitator
      .getByRole('dialog', { name: 'Results' })
      .getByRole('checkbox', { name: 'Show the results on the board' })
      .check()
    await facilitator.keyboard.press('Escape')

    const first = viewer.locator('.rank-mark[data-place="1"]')
    await first.waitFor(WAIT)
    expect(await first.textContent()).toContain('5 dots')
    expect(await viewer.locator('.rank-mark[data-top="true"]').count()).toBe(3)
    expect(await viewer.locator('.rank-mark').count()).toBe(4)
    await shoot(viewer, 'projector-results-light')

    // A viewer on a laptop leaves the presentation and reads the results there too, from their top.
    await viewer.getByRole('button', { name: 'Leave the presentation' }).click()
    await open(viewer)
    await firstPlaceInView(viewer)
    await viewer.keyboard.press('Escape')
    await viewer.getByRole('button', { name: 'Present', exact: true }).click()
    await viewer.locator('.presentation').waitFor(WAIT)
  })

  const cases = [
    { locale: 'sv-SE', scheme: 'light' },
    { locale: 'sv-SE', scheme: 'dark' },
    { locale: 'en-GB', scheme: 'light' },
    { locale: 'en-GB', scheme: 'dark' },
  ] as const

  it.each(cases)(
    '[WR6] presentation mode has no axe violations in $locale, $scheme theme',
    async ({ locale, scheme }) => {
      const context = await newPerson(browser, locale, undefined, {
        viewport: PROJECTOR,
        bypassCSP: true,
        colorScheme: scheme,
        reducedMotion: 'reduce',
      })
      await context.addInitScript((theme) => localStorage.setItem('samla.theme', theme), scheme)
      const page = await context.newPage()
      await page.goto(url(board.links.viewer))
      await page.locator('.rank-mark').first().waitFor(WAIT)
      const found: Record<string, unknown> = {}
      const onBoard = await violations(page)
      if (onBoard.length > 0) found.board = onBoard
      await shoot(page, `projector-results-${locale}-${scheme}`)
      await showJoinScreen(true)
      await page.locator('.join-screen .qr-code').waitFor(WAIT)
      const join = await violations(page)
      if (join.length > 0) found.join = join
      await shoot(page, `projector-join-${locale}-${scheme}`)
      await showJoinScreen(false)
      expect(found).toEqual({})
      await context.close()
    },
  )
})

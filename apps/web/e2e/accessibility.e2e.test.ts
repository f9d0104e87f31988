/**
 * WCAG 2.1 A/AA checks with axe-core (injected from node_modules, nothing fetched) on every main
 * screen — home, board canvas and outline, share dialog, facilitator panel, results — in Swedish and
 * English and in the light and dark themes. Zero violations is the bar: a finding is fixed in the app.
 */
import { createRequire } from 'node:module'
import { addNote, createCluster } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core')
const WAIT = { timeout: 15_000 }
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface Finding {
  readonly id: string
  readonly help: string
  readonly targets: string[]
}

async function violations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe
    const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: { id: string; help: string; nodes: { target: string[] }[] }[]
    }
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, TAGS)
}

/** Seeds a board over a stock y-websocket client: three notes, two of them in a named cluster. */
async function seedBoard(relay: Relay, boardId: string, token: string): Promise<void> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const deadline = Date.now() + WAIT.timeout
  while (!provider.synced && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  const ids = [
    addNote(doc, { x: 80, y: 120, text: 'Fler cykelbanor', authorId: 'ada', authorName: 'Ada' }),
    addNote(doc, { x: 320, y: 120, text: 'Tätare busstrafik', colour: 'blue', authorId: 'bo', authorName: 'Bo' }),
  ]
  addNote(doc, { x: 700, y: 400, text: 'Öppna lokaler på kvällen', colour: 'green', authorId: 'cy', authorName: 'Cy' })
  createCluster(doc, { name: 'Trafik', noteIds: ids })
  await new Promise((resolve) => setTimeout(resolve, 300))
  provider.destroy()
}

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  let relay: Relay
  let browser: Browser
  let boardUrl = ''

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    const { id, links } = await createBoardOver(relay.url, 'Tillgänglighet')
    await seedBoard(relay, id, links.facilitator)
    boardUrl = boardLinkUrl(relay.url, id, links.facilitator)
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  const cases = [
    { locale: 'sv-SE', scheme: 'light' },
    { locale: 'en-GB', scheme: 'dark' },
    { locale: 'en-GB', scheme: 'light' },
    { locale: 'sv-SE', scheme: 'dark' },
  ] as const

  it.each(cases)('[A11Y1] has no violations in $locale, $scheme theme', async ({ locale, scheme }) => {
    // axe is injected as a script tag, which the relay's CSP (rightly) forbids to pages.
    const context = await newPerson(browser, locale, undefined, {
      bypassCSP: true,
      colorScheme: scheme,
      // No colour transitions: axe would measure a button halfway between two states.
      reducedMotion: 'reduce',
    })
    await context.addInitScript((theme) => localStorage.setItem('samla.theme', theme), scheme)
    const page = await context.newPage()
    const found: Record<string, Finding[]> = {}
    const check = async (screen: string) => {
      const list = await violations(page)
      if (list.length > 0) found[screen] = list
    }
    const en = locale.startsWith('en')

    await page.goto(relay.url)
    await page.locator('h1').first().waitFor(WAIT)
    await check('home')

    await page.goto(boardUrl)
    await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await page.locator('[data-note-id]').first().waitFor(WAIT)
    await check('canvas with facilitator panel')

    await page.getByRole('button', { name: en ? 'Share' : 'Dela' }).click()
    await page.locator('dialog[open]').waitFor(WAIT)
    await page.waitForTimeout(300)
    await check('share dialog')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: en ? 'Results' : 'Resultat', exact: true }).click()
    await page.locator('dialog[open]').waitFor(WAIT)
    await check('results')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: en ? 'Outline' : 'Lista', exact: true }).click()
    await page.locator('.outline').waitFor(WAIT)
    await check('outline')

    await page.keyboard.press('?')
    await page.locator('dialog[open]').waitFor(WAIT)
    await check('shortcuts help')

    expect(found).toEqual({})
    await context.close()
  })
})

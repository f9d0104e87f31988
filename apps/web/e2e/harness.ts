/**
 * End-to-end harness: the real relay (serving the built app) on port 0 with a fresh data
 * directory, Debian's Chromium through playwright-core, and helpers shared by the e2e tests.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRelay, type Relay, type RelayOptions } from '@samla/relay'
import { pino } from 'pino'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { eventually } from './eventually.js'

/** The built app; SAMLA_E2E_WEB_ROOT points at another build (one that a rebuild of dist cannot empty mid-run). */
const webRoot = process.env.SAMLA_E2E_WEB_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist')

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** A relay on a free port, or on `port` with an earlier relay's data directory to restart that one. */
export async function startTestRelay(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-e2e-')),
  port = 0,
  limits: RelayOptions['limits'] = {},
  /** Other settings, e.g. a public instance's creation key. */
  settings: Omit<RelayOptions, 'port' | 'dataDir' | 'webRoot' | 'limits' | 'logger'> = {},
) {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`The web app is not built (${webRoot}); run pnpm build first`)
  }
  const relay: Relay = await createRelay({
    ...settings,
    port,
    dataDir,
    webRoot,
    limits,
    logger: pino({ level: 'silent' }),
  })
  return { relay, dataDir }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export interface Identity {
  readonly name: string
  readonly organisation: string
}

const TEST_IDENTITY: Identity = { name: 'Testperson', organisation: 'Testkommunen' }

/**
 * A context per simulated person, with a fixed language so assertions can read UI text. The person
 * has already told this device who they are, so no board asks them on joining; pass `null` to meet
 * the join question.
 */
export async function newPerson(
  browser: Browser,
  locale = 'en-GB',
  identity: Identity | null = TEST_IDENTITY,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, ...options })
  if (identity) {
    await context.addInitScript((known) => {
      localStorage.setItem('samla.displayName', known.name)
      localStorage.setItem('samla.organisation', known.organisation)
      localStorage.setItem('samla.joinAnswered', 'true')
    }, identity)
  }
  return context
}

export interface BoardLinks {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

/** Creates a board through the relay's API, returning its id and the tokens of its three links. */
export async function createBoardOver(baseUrl: string, title: string): Promise<{ id: string; links: BoardLinks }> {
  const res = await fetch(`${baseUrl}/api/boards`, { method: 'POST', body: JSON.stringify({ title }) })
  if (res.status !== 201) throw new Error(`creating a board failed with ${res.status}`)
  return (await res.json()) as { id: string; links: BoardLinks }
}

/** The page address of a board link: the token in the fragment only. */
export function boardLinkUrl(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${boardId}#token=${encodeURIComponent(token)}`
}

/** A stock y-websocket client on a board (not a browser), synced. */
export async function stockClient(relay: Relay, boardId: string, token: string): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, boardId, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await eventually(async () => provider.synced, true, 'the stock client to sync')
  return provider
}

/** Texts of the notes drawn on the page, canvas or outline. */
export function noteTexts(page: Page): Promise<string[]> {
  return page
    .locator('[data-note-id] textarea, [data-outline-note] textarea')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))
}

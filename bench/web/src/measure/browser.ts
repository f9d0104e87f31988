/**
 * Debian's Chromium through playwright-core: one browser per app and board size, and a fresh
 * context (empty cache and storage) per page load, en-GB at 1280×800; plus the JS heap in use
 * after a full GC.
 */
import { type Browser, chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, LOCALE, VIEWPORT } from '../config.js'

/**
 * tsx compiles this bench with esbuild's keepNames, which wraps named functions in `__name(...)`;
 * functions handed to page.evaluate and init scripts carry those calls into the page.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export interface BenchPage {
  readonly browser: Browser
  readonly page: Page
  /** Requests that left 127.0.0.1 (none are expected: everything is served locally). */
  readonly offLoopback: string[]
  close(): Promise<void>
}

export async function newBenchPage(browser: Browser): Promise<BenchPage> {
  const context = await browser.newContext({ locale: LOCALE, viewport: VIEWPORT })
  await context.addInitScript(NAME_SHIM)
  const page = await context.newPage()
  const offLoopback: string[] = []
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url())
    if (protocol.startsWith('http') && hostname !== '127.0.0.1') offLoopback.push(request.url())
  })
  return { browser, page, offLoopback, close: () => context.close() }
}

/** Bytes of JS heap in use after a forced full garbage collection (CDP, main isolate). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  } finally {
    await cdp.detach()
  }
}

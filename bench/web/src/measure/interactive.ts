/**
 * Navigation → interactive. A probe injected before the page's own scripts checks an app-specific
 * condition once per animation frame; when it first holds, the probe waits one more frame (so the
 * frame showing that state has been produced) and records performance.now(), which counts from
 * the navigation's start. The condition runs in the page, so it gets its argument as JSON.
 */
import type { Page } from 'playwright-core'
import { NAME_SHIM } from './browser.js'

declare global {
  interface Window {
    __benchInteractiveMs?: number
  }
}

const INTERACTIVE_TIMEOUT_MS = 90_000

function probe<A>(condition: (arg: A) => boolean, arg: A): void {
  const check = () => {
    if (condition(arg)) {
      requestAnimationFrame(() => {
        window.__benchInteractiveMs = performance.now()
      })
    } else {
      requestAnimationFrame(check)
    }
  }
  requestAnimationFrame(check)
}

/** Opens `url` and resolves with the ms from navigation start until `condition(arg)` held on screen. */
export async function openUntilInteractive<A>(
  page: Page,
  url: string,
  condition: (arg: A) => boolean,
  arg: A,
): Promise<number> {
  // A string init script is not subject to the page's CSP; it is added for this navigation's document onwards.
  await page.addInitScript(`${NAME_SHIM}(${probe.toString()})(${condition.toString()}, ${JSON.stringify(arg)})`)
  await page.goto(url)
  const handle = await page.waitForFunction(() => window.__benchInteractiveMs, undefined, {
    timeout: INTERACTIVE_TIMEOUT_MS,
    polling: 250,
  })
  return (await handle.jsonValue()) as number
}

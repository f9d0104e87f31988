/**
 * Navigation → interactive. A probe injected before the page's own scripts checks an app-specific
 * condition once per animation frame; when it first holds, the probe waits one more frame (so the
 * frame showing that state has been produced) and reports performance.now(), which counts from
 * the navigation's start, in a console message. The harness only listens: polling the page
 * instead (Playwright's waitForFunction) would run the harness's own script on the page's main
 * thread in the middle of the load being timed. The condition runs in the page, so it gets its
 * argument as JSON.
 */
import type { Page } from 'playwright-core'
import { NAME_SHIM } from './browser.js'

const INTERACTIVE_TIMEOUT_MS = 90_000
/** Starts the probe's console message; the time follows it. */
const REPORT = 'bench:interactive-ms'

function probe<A>(report: string, condition: (arg: A) => boolean, arg: A): void {
  const check = () => {
    if (condition(arg)) {
      requestAnimationFrame(() => {
        console.debug(`${report} ${performance.now()}`)
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
  await page.addInitScript(
    `${NAME_SHIM}(${probe.toString()})(${JSON.stringify(REPORT)}, ${condition.toString()}, ${JSON.stringify(arg)})`,
  )
  const reported = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith(`${REPORT} `),
    timeout: INTERACTIVE_TIMEOUT_MS,
  })
  await page.goto(url)
  const ms = Number((await reported).text().slice(REPORT.length + 1))
  if (!Number.isFinite(ms)) throw new Error(`the interactive probe on ${url} reported no time`)
  return ms
}

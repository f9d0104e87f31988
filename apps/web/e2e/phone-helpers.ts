/**
 * What the phone and tablet tests (phone.e2e.test.ts) do on a page: real touch gestures through CDP
 * (pinch, one-finger drag), the zoom read from the notes layer, what reaches past the screen's edge,
 * where others' marks cover a note's text or buttons, axe's findings and screenshots.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { addNote } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { CDPSession, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { WAIT } from './eventually.js'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core')
export const SHOTS = '/tmp/shots'

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A stock y-websocket client with the given token, once it has synced the room's doc. */
export async function syncedClient(relay: Relay, room: string, token: string): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const deadline = Date.now() + WAIT.timeout
  while (!provider.synced && Date.now() < deadline) await pause(50)
  expect(provider.synced).toBe(true)
  return provider
}

/** Writes notes into a board with a stock client holding `token`, in a row, and waits until they are sent. */
export async function writeNotesOver(relay: Relay, boardId: string, token: string, texts: readonly string[]) {
  const client = await syncedClient(relay, boardId, token)
  for (const [index, text] of texts.entries()) addNote(client.doc, { x: 40 + index * 260, y: 40, text })
  await pause(300)
  client.destroy()
}

/** Everything on the page that reaches past the right edge of the screen (none is the aim). */
export async function overflowing(page: Page): Promise<string[]> {
  // The screen's width, not innerWidth: a phone widens its layout viewport to fit a page that is too wide.
  const screenWidth = page.viewportSize()?.width ?? 0
  return page.evaluate((width) => {
    const found: string[] = []
    if (window.innerWidth > width) found.push(`viewport ${window.innerWidth}`)
    if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}`)
    // The board's own layers pan and zoom inside the clipped canvas: what they hold is not page width.
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('.notes-layer, .clusters-layer, .cursors-layer, .notes-overview, .visually-hidden')) continue
      const box = element.getBoundingClientRect()
      // Screen-reader-only text (1 px, clipped) is nothing anyone sees.
      if (box.width <= 1 && box.height <= 1) continue
      if (box.right > width + 0.5 || box.left < -0.5) {
        found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${box.left}–${box.right}`)
      }
    }
    return found
  }, screenWidth)
}

export async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] }
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

export async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.notes-layer').evaluate((layer) => (layer as HTMLElement).style.transform)
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? Number.NaN)
}

type TouchPoint = { x: number; y: number; id: number }

export async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  points: TouchPoint[],
): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p) => ({ x: p.x, y: p.y, id: p.id, radiusX: 4, radiusY: 4, force: 1 })),
  })
}

/** Two fingers move apart from `spread` to `spread * factor` around a point, in real touch events. */
export async function pinch(cdp: CDPSession, centre: { x: number; y: number }, spread: number, factor: number) {
  const at = (s: number): TouchPoint[] => [
    { x: centre.x - s / 2, y: centre.y, id: 1 },
    { x: centre.x + s / 2, y: centre.y, id: 2 },
  ]
  await touch(cdp, 'touchStart', at(spread))
  for (let step = 1; step <= 10; step++) {
    await touch(cdp, 'touchMove', at(spread * (1 + ((factor - 1) * step) / 10)))
    await pause(16)
  }
  await touch(cdp, 'touchEnd', [])
}

/** One finger holds on a point, then drags by the offset. */
export async function fingerDrag(cdp: CDPSession, from: { x: number; y: number }, dx: number, dy: number) {
  await touch(cdp, 'touchStart', [{ ...from, id: 1 }])
  await pause(350)
  for (let step = 1; step <= 12; step++) {
    await touch(cdp, 'touchMove', [{ x: from.x + (dx * step) / 12, y: from.y + (dy * step) / 12, id: 1 }])
    await pause(16)
  }
  await touch(cdp, 'touchEnd', [])
}

/**
 * Where another person's mark on a note lies over the text or a control of any note (its own or a
 * neighbour's), or its ring over the note itself: none is the aim.
 */
export async function markCovers(page: Page, noteId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const note = document.querySelector<HTMLElement>(`.canvas [data-note-id="${id}"]`)
    const label = note?.querySelector('.note-presence')
    const ring = note?.querySelector('.note-presence-ring')
    if (!note || !label || !ring) return ['no mark on the note']
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5
    const marks = [label, ...label.children].map((element) => element.getBoundingClientRect())
    const found: string[] = []
    const parts = document.querySelectorAll(
      '.canvas [data-note-id] :is(textarea, .note-static, .note-author, button, select)',
    )
    for (const part of parts) {
      if (!marks.some((mark) => overlap(mark, part.getBoundingClientRect()))) continue
      const owner = part.closest('[data-note-id]')?.getAttribute('data-note-id') === id ? 'its own' : 'another note’s'
      found.push(`${owner} ${part.tagName.toLowerCase()}.${[...part.classList].join('.')}`)
    }
    // The ring frames the note from outside: its inner edge (the border, scaled by the zoom) clears the note.
    const box = note.getBoundingClientRect()
    const outer = ring.getBoundingClientRect()
    const border = Number.parseFloat(getComputedStyle(ring).borderTopWidth) * (box.width / note.offsetWidth)
    const inner = {
      left: outer.left + border,
      top: outer.top + border,
      right: outer.right - border,
      bottom: outer.bottom - border,
    }
    if (
      inner.left > box.left + 0.5 ||
      inner.top > box.top + 0.5 ||
      inner.right < box.right - 0.5 ||
      inner.bottom < box.bottom - 0.5
    ) {
      found.push('the ring over the note')
    }
    return found
  }, noteId)
}

export function noteWith(page: Page, text: string): Locator {
  return page.locator('.canvas [data-note-id]').filter({ has: page.locator(`textarea:text-is("${text}")`) })
}

/**
 * Drives Samla's built web app as a participant. Interactive: the app has marked its first render
 * after the relay's first sync (`samla:board-ready`), the connection status says connected and every note that fits in the canvas at the home view is in the DOM showing its text.
 * Yjs applies the relay's first sync as one transaction, so once those notes show, the app holds
 * the whole board. Everything else goes through the UI: toolbar buttons, wheel, shift+click, drag.
 */
import type { Page } from 'playwright-core'
import { DRAG_ZOOM_OUT_CLICKS, OVERVIEW_ZOOM_OUT_CLICKS, REMOTE_TEXT, VIEWPORT } from '../config.js'
import type { AppDriver } from '../measure/driver.js'
import type { Point } from '../measure/gestures.js'
import { openUntilInteractive } from '../measure/interactive.js'
import type { BenchNote } from '../notes.js'
import type { Collaborator, SamlaBoard } from './boards.js'

type Expected = Pick<BenchNote, 'id' | 'text' | 'x' | 'y' | 'width' | 'height'>

function samlaReady(expected: readonly Expected[]): boolean {
  const shows = (n: Expected) =>
    document.querySelector<HTMLTextAreaElement>(`[data-note-id="${n.id}"] textarea`)?.value === n.text
  // The app's own mark first: until then nothing else is looked at, so the probe costs the load nothing.
  if (performance.getEntriesByName('samla:board-ready', 'mark').length === 0) return false
  const status = document.querySelector('[role="status"][data-status="connected"]')
  const first = expected[0]
  // The cheap checks first: the ones below force style and layout, which would slow the load being timed.
  if (!status || !first || !shows(first)) return false
  const canvas = document.getElementById('board-canvas')
  if (!status.checkVisibility() || !canvas) return false
  const { width, height } = canvas.getBoundingClientRect()
  return expected.filter((n) => n.x + n.width <= width && n.y + n.height <= height).every(shows)
}

interface Box {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Room left at the bottom of the canvas for Samla's floating toolbars. */
const TOOLBAR_ROOM = 160

/** Rendered notes fully inside the canvas, above the floating toolbars and not covered at their centre, top row first. */
function notesInView(toolbarRoom: number): { canvas: Box; notes: Box[] } {
  const box = (el: Element, id = '') => {
    const r = el.getBoundingClientRect()
    return { id, x: r.left, y: r.top, width: r.width, height: r.height }
  }
  const canvasEl = document.getElementById('board-canvas')
  if (!canvasEl) throw new Error('no board canvas')
  const canvas = box(canvasEl)
  const bottom = canvas.y + canvas.height - toolbarRoom
  const notes = [...document.querySelectorAll('[data-note-id]')]
    .filter((el) => {
      const r = el.getBoundingClientRect()
      const inside = r.left >= canvas.x && r.top >= canvas.y && r.right <= canvas.x + canvas.width && r.bottom <= bottom
      return (
        inside &&
        document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('[data-note-id]') === el
      )
    })
    .map((el) => box(el, el.getAttribute('data-note-id') ?? ''))
    .sort((a, b) => Math.round(a.y - b.y) || a.x - b.x)
  return { canvas, notes }
}

const centreOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

function nearest(boxes: readonly Box[], to: Point): Box {
  const [first, ...rest] = boxes
  if (!first) throw new Error('no note in view')
  return rest.reduce((best, b) => (distance(centreOf(b), to) < distance(centreOf(best), to) ? b : best), first)
}

export function samlaDriver(
  baseUrl: string,
  board: SamlaBoard,
  notes: readonly BenchNote[],
  collaborator: Collaborator,
): AppDriver {
  const byId = new Map(notes.map((note) => [note.id, note]))
  const expected: Expected[] = notes
    .filter((n) => n.x < VIEWPORT.width && n.y < VIEWPORT.height)
    .map(({ id, text, x, y, width, height }) => ({ id, text, x, y, width, height }))
  const canvasCentre = async (page: Page) => centreOf((await page.evaluate(notesInView, TOOLBAR_ROOM)).canvas)

  /** Pans (with the wheel) so the board's first note sits 8 px inside the canvas's top-left corner. */
  async function alignBoardTopLeft(page: Page): Promise<void> {
    const { canvas, notes: seen } = await page.evaluate(notesInView, TOOLBAR_ROOM)
    const probe = seen[0] && byId.get(seen[0].id)
    const first = notes[0]
    if (!seen[0] || !probe || !first) throw new Error('no note in view to align the board by')
    const zoom = seen[0].width / probe.width
    const firstX = seen[0].x - canvas.x + (first.x - probe.x) * zoom
    const firstY = seen[0].y - canvas.y + (first.y - probe.y) * zoom
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
    await page.mouse.wheel(firstX - 8, firstY - 8)
    await page.waitForFunction((id) => document.querySelector(`[data-note-id="${id}"]`), first.id, { timeout: 10_000 })
  }

  return {
    name: 'Samla',
    async warmUp(page) {
      await page.goto(`${baseUrl}/`)
      await page.getByRole('main').waitFor()
    },
    open: (page) =>
      openUntilInteractive(
        page,
        `${baseUrl}/b/${board.id}#token=${encodeURIComponent(board.links.participant)}`,
        samlaReady,
        expected,
      ),
    canvasCentre,
    async afterOpen(page) {
      // A newcomer is asked for a name; closing the question (Escape) leaves the board as it was.
      if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape')
      await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 5_000 })
    },
    async showAll(page) {
      // "Show all notes" stops where notes keep their text (50 %); the overview, the whole board in view
      // as Excalidraw's fit shows it, is zoomed out to from there, as a person would.
      await page.getByRole('button', { name: 'Show all notes' }).click()
      const zoomShown = () => page.getByRole('button', { name: /^Reset zoom/ }).textContent()
      for (let click = 0; click < OVERVIEW_ZOOM_OUT_CLICKS && (await zoomShown()) !== '10%'; click++) {
        await page.getByRole('button', { name: 'Zoom out' }).click()
      }
      await page.waitForTimeout(500)
      const percent = await page.getByRole('button', { name: /^Reset zoom/ }).textContent()
      const notesDrawn = await page.locator('[data-note-id]').count()
      return { zoom: Number.parseFloat(percent ?? '') / 100, notesDrawn }
    },
    async selectForDrag(page, count) {
      await page.getByRole('button', { name: /^Reset zoom/ }).click()
      for (let i = 0; i < DRAG_ZOOM_OUT_CLICKS; i++) await page.getByRole('button', { name: 'Zoom out' }).click()
      await alignBoardTopLeft(page)
      const { canvas, notes: seen } = await page.evaluate(notesInView, TOOLBAR_ROOM)
      const picked = seen.slice(0, count)
      await page.keyboard.down('Shift')
      for (const note of picked) await page.mouse.click(centreOf(note).x, centreOf(note).y)
      await page.keyboard.up('Shift')
      const selected = await page.locator('[data-note-id].is-selected').count()
      return { from: centreOf(nearest(picked, centreOf(canvas))), selected }
    },
    async remoteTyping(page) {
      const { canvas, notes: seen } = await page.evaluate(notesInView, TOOLBAR_ROOM)
      const target = nearest(seen, centreOf(canvas))
      const before = await page.evaluate(
        (id) => document.querySelector<HTMLTextAreaElement>(`[data-note-id="${id}"] textarea`)?.value ?? '',
        target.id,
      )
      const final = `${before}${REMOTE_TEXT}`
      await collaborator.type(target.id, REMOTE_TEXT)
      await page.waitForFunction(
        ([id, text]) => document.querySelector<HTMLTextAreaElement>(`[data-note-id="${id}"] textarea`)?.value === text,
        [target.id, final] as const,
        { timeout: 10_000 },
      )
    },
  }
}

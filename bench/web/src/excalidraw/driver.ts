/**
 * Drives the Excalidraw reference page. Interactive: Excalidraw has handed over its API, finished
 * loading the scene, and holds every note (a rectangle and its text label each). Views and the
 * selection are set through Excalidraw's API (`window.__bench`); panning and dragging are real input.
 */
import '../../excalidraw/bench-api.js'
import { DRAG_ZOOM, KEYSTROKE_INTERVAL_MS, REMOTE_TEXT, VIEWPORT } from '../config.js'
import type { AppDriver } from '../measure/driver.js'
import type { Point } from '../measure/gestures.js'
import { openUntilInteractive } from '../measure/interactive.js'
import type { BenchNote } from '../notes.js'

/** Where the board's top-left corner goes for the drag: below Excalidraw's floating toolbar, above its footer. */
const DRAG_VIEW = { left: 8, top: 80, bottom: VIEWPORT.height - 60 }
const CENTRE: Point = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 }

function excalidrawReady(count: number): boolean {
  const bench = window.__bench
  return !!bench && !bench.api.getAppState().isLoading && bench.api.getSceneElements().length === 2 * count
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

export function excalidrawDriver(baseUrl: string, notes: readonly BenchNote[]): AppDriver {
  return {
    name: 'Excalidraw',
    async warmUp(page) {
      await page.goto(`${baseUrl}/?notes=0`)
      await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 30_000 })
    },
    open: (page) => openUntilInteractive(page, `${baseUrl}/?notes=${notes.length}`, excalidrawReady, notes.length),
    canvasCentre: async () => CENTRE,
    afterOpen: async () => {},
    async showAll(page) {
      const zoom = await page.evaluate(() => window.__bench?.fit())
      if (zoom === undefined) throw new Error('the Excalidraw page is gone')
      return { zoom, notesDrawn: null }
    },
    async selectForDrag(page, count) {
      const z = DRAG_ZOOM
      const origin = notes[0] ?? { x: 0, y: 0 }
      const scrollX = DRAG_VIEW.left / z - origin.x
      const scrollY = DRAG_VIEW.top / z - origin.y
      const picked = notes
        .filter((n) => (n.x + n.width + scrollX) * z <= VIEWPORT.width - DRAG_VIEW.left)
        .filter((n) => (n.y + n.height + scrollY) * z <= DRAG_VIEW.bottom)
        .slice(0, count)
      await page.evaluate(([zoom, x, y]) => window.__bench?.setView(zoom, x, y), [z, scrollX, scrollY] as const)
      const selected =
        (await page.evaluate(
          (ids) => window.__bench?.select(ids),
          picked.map((n) => n.id),
        )) ?? 0
      const centres = picked.map((n) => ({
        x: (n.x + n.width / 2 + scrollX) * z,
        y: (n.y + n.height / 2 + scrollY) * z,
      }))
      const from = centres.reduce((best, c) => (distance(c, CENTRE) < distance(best, CENTRE) ? c : best))
      return { from, selected }
    },
    async remoteTyping(page) {
      await page.evaluate(([text, interval]) => window.__bench?.typeNearCentre(text, interval), [
        REMOTE_TEXT,
        KEYSTROKE_INTERVAL_MS,
      ] as const)
    },
  }
}

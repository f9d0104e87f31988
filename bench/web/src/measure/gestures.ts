/**
 * The input both apps get, through Chromium's input pipeline (CDP): wheel panning and a mouse
 * drag, one event per INPUT_INTERVAL_MS for GESTURE_MS. Each event waits for the page to take it,
 * so a busy page receives fewer events, as a real one would coalesce them.
 */
import type { Page } from 'playwright-core'
import { GESTURE_MS, INPUT_INTERVAL_MS } from '../config.js'
import { sleep } from '../wait.js'

export interface Point {
  readonly x: number
  readonly y: number
}

/** Calls `step(elapsedMs)` about once a frame for GESTURE_MS (bounded by count as well as time). */
async function paced(step: (elapsed: number) => Promise<void>): Promise<void> {
  const started = performance.now()
  for (let i = 0; i < GESTURE_MS / INPUT_INTERVAL_MS; i++) {
    const elapsed = performance.now() - started
    if (elapsed >= GESTURE_MS) break
    await step(elapsed)
    await sleep(started + (i + 1) * INPUT_INTERVAL_MS - performance.now())
  }
}

/**
 * Wheel panning with the pointer at `at`, revealing new notes all the time: down and right for
 * `direction` 1, back up and left for -1 (so repeats stay on the board).
 */
export async function wheelPan(page: Page, at: Point, direction: 1 | -1): Promise<void> {
  await page.mouse.move(at.x, at.y)
  await paced(() => page.mouse.wheel(10 * direction, 20 * direction))
}

/** Wheel panning back and forth (half-second strokes), so a board seen whole stays in view. */
export async function wheelPanBackAndForth(page: Page, at: Point): Promise<void> {
  await page.mouse.move(at.x, at.y)
  await paced((elapsed) => {
    const sign = Math.floor(elapsed / 500) % 2 === 0 ? 1 : -1
    return page.mouse.wheel(30 * sign, 20 * sign)
  })
}

/** Presses at `from` and moves the pointer around a circle (so what is dragged stays on screen), then drops. */
export async function dragInCircle(page: Page, from: Point): Promise<void> {
  const radius = 120
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await paced((elapsed) => {
    const angle = (elapsed / GESTURE_MS) * 2 * Math.PI
    return page.mouse.move(from.x + radius * Math.sin(angle), from.y + radius * (1 - Math.cos(angle)))
  })
  await page.mouse.up()
}

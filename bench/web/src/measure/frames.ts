/**
 * Frame times as the page sees them: a requestAnimationFrame loop in the page records the delta
 * between consecutive frame timestamps while a gesture runs. At 60 Hz an unhurried frame is
 * 16.7 ms; a frame the main thread could not produce in time shows up as a longer delta.
 */
import type { Page } from 'playwright-core'

declare global {
  interface Window {
    __benchFrames?: { deltas: number[]; running: boolean }
  }
}

export interface FrameStats {
  readonly frames: number
  readonly p95Ms: number
  readonly maxMs: number
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
}

/** Repeats of one gesture: the median of their p95s and of their maxima, and every frame counted. */
export function medianStats(runs: readonly FrameStats[]): FrameStats {
  return {
    frames: runs.reduce((sum, run) => sum + run.frames, 0),
    p95Ms: percentile(
      runs.map((run) => run.p95Ms),
      50,
    ),
    maxMs: percentile(
      runs.map((run) => run.maxMs),
      50,
    ),
  }
}

/** Runs `gesture` while the page records frame deltas; the first frame after it ends closes the sample. */
export async function measureFrames(page: Page, gesture: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const state = { deltas: [] as number[], running: true }
        window.__benchFrames = state
        let last: number | undefined
        const tick = (time: number) => {
          if (last === undefined) resolve()
          else state.deltas.push(time - last)
          last = time
          if (state.running) requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
  )
  await gesture()
  const deltas = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        requestAnimationFrame(() => {
          const state = window.__benchFrames
          if (state) state.running = false
          resolve(state?.deltas ?? [])
        })
      }),
  )
  return { frames: deltas.length, p95Ms: percentile(deltas, 95), maxMs: Math.max(...deltas) }
}

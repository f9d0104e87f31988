/**
 * The measuring sequence, run on several apps side by side (each in its own browser) and
 * interleaved step by step, so a burst of other work on the machine hits every app alike:
 * `loads` page loads per app, each in a fresh context after a warm-up visit (navigation →
 * interactive); on each app's last page, the JS heap after GC, then four gestures with frame
 * times, each repeated: wheel pan at 100 %, a collaborator typing, wheel pan at the overview, and
 * dragging a selection. Medians over the repeats are reported. An optional `observe` wraps each
 * timed step (the trace pass records a performance trace around it).
 */
import type { Browser } from 'playwright-core'
import { DRAG_SELECTION, LOAD_REPEATS, REPEATS } from '../config.js'
import { sleep } from '../wait.js'
import { type BenchPage, heapAfterGc, launchBrowser, newBenchPage } from './browser.js'
import type { AppDriver, DragSetup, OverviewInfo } from './driver.js'
import { type FrameStats, measureFrames, medianStats, percentile } from './frames.js'
import { dragInCircle, type Point, wheelPan, wheelPanBackAndForth } from './gestures.js'

export type Step = 'load' | 'pan100' | 'typing' | 'overviewPan' | 'drag'
export type Observe = <T>(step: Step, bench: BenchPage, run: () => Promise<T>) => Promise<T>

export interface AppResults {
  readonly interactiveMs: number
  /** Every load's navigation → interactive, in the order they ran. */
  readonly loadsMs: readonly number[]
  readonly heapBytes: number
  readonly pan100: FrameStats
  readonly typing: FrameStats
  readonly overview: OverviewInfo
  readonly overviewPan: FrameStats
  readonly dragSetup: DragSetup
  readonly drag: FrameStats
  readonly offLoopback: readonly string[]
}

export interface MeasureOptions {
  /** Runs of each gesture. */
  readonly repeats?: number
  /** Page loads. */
  readonly loads?: number
  readonly observe?: Observe
}

/** Lets the page finish what a step started (stragglers, GC) before the next one is timed. */
const SETTLE_MS = 500
/**
 * Before a load is timed, the warm-up visit and the other apps' pages (left open from their own
 * loads) finish what they do a little after loading (an app caching itself for offline use, say),
 * so that work is not timed as part of this load: a returning visitor's earlier visit ended long
 * before. Opening the board at once after the warm-up added about 130 ms and much
 * of the spread to a 5,000-note Samla load.
 */
export const LOAD_SETTLE_MS = 4000

type Gesture = Exclude<Step, 'load'>

/** One app's browser and what has been measured on it so far. */
interface Session {
  readonly driver: AppDriver
  readonly browser: Browser
  readonly pages: BenchPage[]
  readonly loads: number[]
  readonly frames: Record<Gesture, FrameStats[]>
  heapBytes: number
  centre: Point
  overview: OverviewInfo | null
  dragSetup: DragSetup | null
}

function page(session: Session): BenchPage {
  const bench = session.pages.at(-1)
  if (!bench) throw new Error(`${session.driver.name} has no page open`)
  return bench
}

function results(session: Session): AppResults {
  const { overview, dragSetup, frames } = session
  if (!overview || !dragSetup) throw new Error(`${session.driver.name} was not measured to the end`)
  return {
    interactiveMs: percentile(session.loads, 50),
    loadsMs: session.loads,
    heapBytes: session.heapBytes,
    pan100: medianStats(frames.pan100),
    typing: medianStats(frames.typing),
    overview,
    overviewPan: medianStats(frames.overviewPan),
    dragSetup,
    drag: medianStats(frames.drag),
    offLoopback: session.pages.flatMap((p) => p.offLoopback),
  }
}

export async function measureApps(drivers: readonly AppDriver[], options: MeasureOptions = {}): Promise<AppResults[]> {
  const { repeats = REPEATS, loads = LOAD_REPEATS, observe = (_, __, run) => run() } = options
  const sessions: Session[] = []
  /** Runs `step` for every app in turn, `times` over. */
  const interleaved = async (step: (session: Session, i: number) => Promise<void>, times = repeats) => {
    for (let i = 0; i < times; i++) for (const session of sessions) await step(session, i)
  }
  /** Runs `run` once per app (untimed set-up between gestures). */
  const each = async (run: (session: Session, bench: BenchPage) => Promise<void>) => {
    for (const session of sessions) await run(session, page(session))
  }
  const gesture = (step: Gesture, run: (session: Session, bench: BenchPage, i: number) => Promise<void>) =>
    interleaved(async (session, i) => {
      const bench = page(session)
      await sleep(SETTLE_MS)
      session.frames[step].push(
        await observe(step, bench, () => measureFrames(bench.page, () => run(session, bench, i))),
      )
    })
  try {
    for (const driver of drivers) {
      sessions.push({
        driver,
        browser: await launchBrowser(),
        pages: [],
        loads: [],
        frames: { pan100: [], typing: [], overviewPan: [], drag: [] },
        heapBytes: Number.NaN,
        centre: { x: 0, y: 0 },
        overview: null,
        dragSetup: null,
      })
    }
    await interleaved(async (session) => {
      await session.pages.at(-1)?.close()
      const bench = await newBenchPage(session.browser)
      session.pages.push(bench)
      await session.driver.warmUp(bench.page)
      await sleep(LOAD_SETTLE_MS)
      session.loads.push(await observe('load', bench, () => session.driver.open(bench.page)))
    }, loads)
    await each(async (session, bench) => {
      await sleep(1000)
      await session.driver.afterOpen(bench.page)
      session.heapBytes = await heapAfterGc(bench.page)
      session.centre = await session.driver.canvasCentre(bench.page)
    })
    await gesture('pan100', (s, b, i) => wheelPan(b.page, s.centre, i % 2 === 0 ? 1 : -1))
    await gesture('typing', (s, b) => s.driver.remoteTyping(b.page))
    await each(async (s, b) => {
      s.overview = await s.driver.showAll(b.page)
    })
    await gesture('overviewPan', (s, b) => wheelPanBackAndForth(b.page, s.centre))
    await each(async (s, b) => {
      s.dragSetup = await s.driver.selectForDrag(b.page, DRAG_SELECTION)
    })
    await gesture('drag', (s, b) => dragInCircle(b.page, s.dragSetup?.from ?? s.centre))
    return sessions.map(results)
  } finally {
    for (const session of sessions) await session.browser.close()
  }
}

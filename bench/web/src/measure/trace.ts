/**
 * Where the time goes: a Chromium performance trace (the DevTools timeline categories) around a
 * step, summarised as self time per kind of work on the page's main thread, plus the software
 * raster work on the renderer's worker threads and the software compositing of each frame in the
 * GPU process. Used on Samla's largest board in a separate pass, because tracing slows the page.
 */
import type { Browser, Page } from 'playwright-core'
import type { Step } from './run-app.js'

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'viz']
const TOP = 6

/** DevTools' own grouping of main-thread work, by event name; the rest (task wrappers, IPC) is "other". */
const KINDS: [string, RegExp][] = [
  ['GC', /GC|[Mm]arking|Sweep/],
  ['script', /^(FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|[Vv]8\.)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^Layout$/],
  ['paint+composite', /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|PaintImage|CompositeLayers|Decode Image)$/],
  ['hit test', /^HitTest$/],
]
const WRAPPERS = /RunTask|mojo|OnHandleReady/

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  readonly ts: number
  readonly dur?: number
  readonly args?: { name?: string }
}

export interface TraceSummary {
  readonly wallMs: number
  /** Main-thread self time per kind of work, largest first. */
  readonly kindsMs: readonly [string, number][]
  /** The largest named events by self time (task wrappers left out). */
  readonly topMs: readonly [string, number][]
  readonly mainBusyMs: number
  /** Tiles rasterised in software on the page renderer's worker threads. */
  readonly rasterMs: number
  /** Frames composited in software (GPU process, viz thread). */
  readonly drawMs: number
}

export type TracedSteps = { readonly label: string; readonly steps: Partial<Record<Step, TraceSummary>> }

export async function traced<T>(browser: Browser, page: Page, run: () => Promise<T>): Promise<[T, TraceSummary]> {
  await browser.startTracing(page, { categories: CATEGORIES })
  const started = performance.now()
  const result = await run()
  const wallMs = performance.now() - started
  return [result, summarise(JSON.parse((await browser.stopTracing()).toString('utf8')), wallMs)]
}

function threadsNamed(events: readonly TraceEvent[], pattern: RegExp): Set<string> {
  return new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && pattern.test(e.args?.name ?? ''))
      .map((e) => `${e.pid}:${e.tid}`),
  )
}

function summarise(trace: { traceEvents: TraceEvent[] }, wallMs: number): TraceSummary {
  const events = trace.traceEvents
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined)
  const mains = threadsNamed(events, /^CrRendererMain$/)
  // The page's renderer is the main thread that did the most.
  const counts = new Map<string, number>()
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`
    if (mains.has(key)) counts.set(key, (counts.get(key) ?? 0) + (e.dur ?? 0))
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  const onMain = complete
    .filter((e) => `${e.pid}:${e.tid}` === main)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  // Self time: each event's duration minus its direct children's, from the nesting on one thread.
  const self = new Map<string, number>()
  const stack: { end: number; name: string }[] = []
  let busy = 0
  for (const e of onMain) {
    const end = e.ts + (e.dur ?? 0)
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop()
    const parent = stack.at(-1)
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0))
    else busy += e.dur ?? 0
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0))
    stack.push({ end, name: e.name })
  }
  const pid = main?.split(':')[0]
  const total = (keep: (e: TraceEvent) => boolean) => complete.filter(keep).reduce((sum, e) => sum + (e.dur ?? 0), 0)
  const rasterUs = total((e) => e.name === 'RasterTask' && String(e.pid) === pid)
  const drawUs = total((e) => e.name === 'Display::DrawAndSwap')
  const byKind = new Map<string, number>()
  for (const [name, us] of self) {
    const kind = KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other'
    byKind.set(kind, (byKind.get(kind) ?? 0) + us)
  }
  const inMs = (entries: Iterable<[string, number]>) =>
    [...entries].map(([name, us]): [string, number] => [name, us / 1000]).sort((a, b) => b[1] - a[1])
  return {
    wallMs,
    kindsMs: inMs(byKind),
    topMs: inMs([...self].filter(([name]) => !WRAPPERS.test(name))).slice(0, TOP),
    mainBusyMs: busy / 1000,
    rasterMs: rasterUs / 1000,
    drawMs: drawUs / 1000,
  }
}

const STEP_NAMES: Record<Step, string> = {
  load: 'navigation → interactive',
  pan100: 'wheel pan at 100 %',
  typing: 'remote typing',
  overviewPan: 'wheel pan at overview',
  drag: 'drag of the selection',
}

export function renderTraces({ label, steps }: TracedSteps): string {
  const lines = [
    `## Where ${label}'s time goes (separate traced pass; tracing slows the page, so only shares matter)`,
    '',
  ]
  for (const [step, summary] of Object.entries(steps) as [Step, TraceSummary][]) {
    const list = (entries: readonly [string, number][]) =>
      entries.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')
    lines.push(
      `- ${STEP_NAMES[step]}: ${summary.wallMs.toFixed(0)} ms wall, main thread busy ${summary.mainBusyMs.toFixed(0)} ms,` +
        ` raster ${summary.rasterMs.toFixed(0)} ms, compositing ${summary.drawMs.toFixed(0)} ms.`,
      `  Main thread by kind (ms): ${list(summary.kindsMs)}. Largest events: ${list(summary.topMs)}.`,
    )
  }
  lines.push('')
  return lines.join('\n')
}

/**
 * The report: how it was measured, one markdown table (rows: metric × board size; columns Samla,
 * Excalidraw and Samla ÷ Excalidraw), what each app showed, and the targets on the largest board.
 */
import { CHROMIUM_ARGS, DRAG_SELECTION, DRAG_ZOOM, GESTURE_MS, LOAD_REPEATS, REPEATS, VIEWPORT } from './config.js'
import type { FrameStats } from './measure/frames.js'
import { type AppResults, LOAD_SETTLE_MS } from './measure/run-app.js'
import { renderTraces, type TracedSteps } from './measure/trace.js'

export interface RunContext {
  readonly baseline: FrameStats
  readonly machine: { readonly cores: number; readonly loadAtStart: number; readonly loadAtEnd: number }
}

export interface SizeResults {
  readonly size: number
  readonly samla: AppResults
  readonly excalidraw: AppResults
}

type Value = (r: AppResults) => number

const MB = 1024 * 1024
/** rAF timestamps are quantised to 0.1 ms and jitter by a few tenths even on an idle page; a missed frame adds 16.7 ms. */
const FRAME_SLACK_MS = 0.5
const withinFrame = (ms: number, budget: number) => ms <= budget + FRAME_SLACK_MS
const frame =
  (pick: (r: AppResults) => FrameStats, stat: 'p95Ms' | 'maxMs'): Value =>
  (r) =>
    pick(r)[stat]

const ROWS: [string, Value, number][] = [
  ['navigation → interactive (ms)', (r) => r.interactiveMs, 0],
  ['JS heap in use after GC (MB)', (r) => r.heapBytes / MB, 1],
  ['wheel pan at 100 %: p95 frame (ms)', frame((r) => r.pan100, 'p95Ms'), 1],
  ['wheel pan at 100 %: max frame (ms)', frame((r) => r.pan100, 'maxMs'), 1],
  ['wheel pan at overview: p95 frame (ms)', frame((r) => r.overviewPan, 'p95Ms'), 1],
  ['wheel pan at overview: max frame (ms)', frame((r) => r.overviewPan, 'maxMs'), 1],
  [`drag ${DRAG_SELECTION} selected: p95 frame (ms)`, frame((r) => r.drag, 'p95Ms'), 1],
  [`drag ${DRAG_SELECTION} selected: max frame (ms)`, frame((r) => r.drag, 'maxMs'), 1],
  ['remote typing 20/s: p95 frame (ms)', frame((r) => r.typing, 'p95Ms'), 1],
  ['remote typing 20/s: max frame (ms)', frame((r) => r.typing, 'maxMs'), 1],
]

const fmt = (value: number, digits: number) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a'

function method({ baseline, machine }: RunContext): string {
  return [
    '## Method',
    '',
    `Debian's Chromium (${CHROMIUM_ARGS.join(' ')}), one browser per app and size, page ${VIEWPORT.width}×${VIEWPORT.height},`,
    "locale en-GB. --disable-gpu means software rendering: frame times are what this machine's CPU can produce.",
    `${machine.cores} cores; 1-minute load average ${machine.loadAtStart.toFixed(1)} at the start and ${machine.loadAtEnd.toFixed(1)} at the end`,
    '(other work on the machine inflates absolute numbers; the two apps run interleaved, step by step, so it hits both alike).',
    `Each app is visited once first (HTTP cache warm, as for a returning visitor), then, ${LOAD_SETTLE_MS / 1000} s later (so that visit and the other app's open page have finished their after-load work), the board is opened.`,
    '- navigation → interactive: performance.now() (from navigation start) one animation frame after the board',
    '  is first usable — Samla: its `samla:board-ready` mark is set, the status is `[role=status][data-status=connected]` and every note that fits in the canvas',
    '  at the home view is in the DOM showing its text (the first sync is one Yjs transaction, so the whole board is then',
    '  in the doc); Excalidraw: its API is ready, the scene is loaded and holds every note (rectangle + bound text).',
    '  A probe in the page checks this each frame and reports the time in a console message; the harness does not poll',
    '  the page during the load (that would run its own script on the main thread in the middle of the load).',
    '- frame times: deltas between consecutive requestAnimationFrame timestamps in the page while a gesture runs',
    `  (${GESTURE_MS / 1000} s, one input event per frame through Chromium's input pipeline); p95 by nearest rank; 16.7 ms is one 60 Hz frame.`,
    `  Each gesture runs ${REPEATS} times and each page load happens ${LOAD_REPEATS} times (fresh context each); the table shows medians.`,
    `  Floor on this machine: a trivial page (one box moved by a non-passive wheel listener) panned the same way gives`,
    `  p95 ${fmt(baseline.p95Ms, 1)} ms, max ${fmt(baseline.maxMs, 1)} ms.`,
    '- heap: CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage (usedSize), 1 s after interactive, at the 100 % home view.',
    `- overview: Samla's "Show all notes" button (which stops at 50 %, where notes keep their text), then its zoom-out button down to 10 % / Excalidraw's scrollToContent(…, {fitToContent: true}), which stops at 10 %.`,
    `- drag: ${DRAG_SELECTION} notes selected at ${fmt(DRAG_ZOOM * 100, 0)} % zoom (Samla: shift+click on each note in its UI;`,
    '  Excalidraw: selectedElementIds via updateScene), then one is pressed and moved in a circle with the mouse and dropped.',
    '- remote typing: a collaborator appends a sentence to the note nearest the centre at 20 keystrokes/s (Samla: a Node',
    '  y-websocket client through the relay; Excalidraw: updateScene with the whole scene and that label one version newer).',
    '',
  ].join('\n')
}

function table(results: readonly SizeResults[]): string {
  const lines = ['| metric | notes | Samla | Excalidraw | Samla ÷ Excalidraw |', '| --- | ---: | ---: | ---: | ---: |']
  for (const [label, value, digits] of ROWS) {
    for (const { size, samla, excalidraw } of results) {
      const s = value(samla)
      const e = value(excalidraw)
      lines.push(
        `| ${label} | ${size.toLocaleString('en-GB')} | ${fmt(s, digits)} | ${fmt(e, digits)} | ${fmt(s / e, 2)} |`,
      )
    }
  }
  lines.push('', 'Ratios below 1 favour Samla (every metric is lower-is-better).', '')
  return lines.join('\n')
}

function observations(results: readonly SizeResults[]): string {
  const lines = ['## What the apps showed', '']
  for (const { size, samla, excalidraw } of results) {
    const drawn = samla.overview.notesDrawn ?? 0
    lines.push(
      `- ${size.toLocaleString('en-GB')} notes: overview zoom Samla ${fmt(samla.overview.zoom * 100, 0)} % (${drawn} notes in the DOM),` +
        ` Excalidraw ${fmt(excalidraw.overview.zoom * 100, 1)} %; selected for the drag: Samla ${samla.dragSetup.selected},` +
        ` Excalidraw ${excalidraw.dragSetup.selected}; frames sampled (pan 100 % / typing / overview / drag):` +
        ` Samla ${[samla.pan100, samla.typing, samla.overviewPan, samla.drag].map((f) => f.frames).join(' / ')},` +
        ` Excalidraw ${[excalidraw.pan100, excalidraw.typing, excalidraw.overviewPan, excalidraw.drag].map((f) => f.frames).join(' / ')};` +
        ` every load's navigation → interactive (ms): Samla ${samla.loadsMs.map((ms) => fmt(ms, 0)).join('; ')},` +
        ` Excalidraw ${excalidraw.loadsMs.map((ms) => fmt(ms, 0)).join('; ')}.`,
    )
    const off = [...samla.offLoopback, ...excalidraw.offLoopback]
    if (off.length > 0) lines.push(`  Requests that left 127.0.0.1 (failed offline): ${off.slice(0, 5).join(', ')}`)
  }
  lines.push('')
  return lines.join('\n')
}

function targets(results: readonly SizeResults[]): string {
  const last = results.at(-1)
  if (!last) return ''
  const { size, samla: s, excalidraw: e } = last
  const check = (ok: boolean, text: string) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`
  const lines = [
    `## Targets on the ${size.toLocaleString('en-GB')}-note board${size === 5000 ? '' : ' (they are set for 5,000 notes)'}`,
    '',
    check(
      s.interactiveMs <= 0.5 * e.interactiveMs,
      `interactive ≤ 0.5 × Excalidraw: ${fmt(s.interactiveMs, 0)} ms vs ${fmt(0.5 * e.interactiveMs, 0)} ms`,
    ),
    check(
      withinFrame(s.overviewPan.p95Ms, 16.7) && withinFrame(s.overviewPan.maxMs, 50),
      `overview pan p95 ≤ 16.7 ms and max ≤ 50 ms: ${fmt(s.overviewPan.p95Ms, 1)} / ${fmt(s.overviewPan.maxMs, 1)} ms`,
    ),
    check(withinFrame(s.drag.p95Ms, 16.7), `drag ${DRAG_SELECTION} p95 ≤ 16.7 ms: ${fmt(s.drag.p95Ms, 1)} ms`),
    check(
      s.heapBytes <= e.heapBytes,
      `heap ≤ Excalidraw: ${fmt(s.heapBytes / MB, 1)} MB vs ${fmt(e.heapBytes / MB, 1)} MB`,
    ),
    `(Frame targets allow ${FRAME_SLACK_MS} ms for timestamp jitter; a late frame costs a whole 16.7 ms more.)`,
    '',
  ]
  return lines.join('\n')
}

export function renderReport(results: readonly SizeResults[], context: RunContext, traces: TracedSteps | null): string {
  return [
    '# Samla vs Excalidraw in the browser',
    '',
    method(context),
    table(results),
    observations(results),
    targets(results),
    traces ? renderTraces(traces) : '',
  ].join('\n')
}

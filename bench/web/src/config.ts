/**
 * Bench settings: board sizes, the note grid, gesture timing and the browser. BENCH_SIZES=1000 runs
 * one small board for a quick check; the targets are checked on the largest size that ran.
 */
export const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map((raw) => {
  const size = Number(raw.trim())
  if (!Number.isInteger(size) || size < 1 || size > 20_000) throw new Error(`BENCH_SIZES: bad size ${raw}`)
  return size
})

/** Notes are laid out row by row in a grid about as wide as the screen is: 160 px notes, 170 px apart. */
export const GRID = { originX: 20, originY: 20, pitch: 170, noteSize: 160, aspect: 1.6 } as const

export const VIEWPORT = { width: 1280, height: 800 } as const
export const LOCALE = 'en-GB'

/** Gesture runs per app and size; medians are reported. */
export const REPEATS = 3
/**
 * Page loads per app and size; the median is reported. More than the gestures: one load is a
 * single sample of about a second, which a burst of other work on the machine moves by a third.
 */
export const LOAD_REPEATS = 7

/** How long each measured gesture lasts, and how often it sends input (about one event a frame). */
export const GESTURE_MS = 2000
export const INPUT_INTERVAL_MS = 16
/** Remote typing: 20 keystrokes a second. */
export const KEYSTROKE_INTERVAL_MS = 50
export const REMOTE_TEXT = ' Let us vote on the three ideas we want to try first'

export const DRAG_SELECTION = 200
/**
 * Samla's zoom-out button six times (0.8⁶ ≈ 26 %, still above its 25 % "coloured block" level): 200
 * notes fit in the upper part of the canvas, clear of the floating toolbars, and are easy to click.
 */
export const DRAG_ZOOM_OUT_CLICKS = 6
/** At most this many zoom-out clicks from "Show all notes" (50 %) to the overview's 10 % (eight do it). */
export const OVERVIEW_ZOOM_OUT_CLICKS = 10
export const DRAG_ZOOM = 0.8 ** DRAG_ZOOM_OUT_CLICKS

/** Debian's Chromium, headless with software rendering: frame times are CPU-bound. */
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

export const log = (message: string) => process.stderr.write(`[bench:web] ${message}\n`)

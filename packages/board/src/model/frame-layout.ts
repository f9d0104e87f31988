/**
 * How a group frames its notes, as pure geometry: the members in a grid under the frame's header,
 * the frame exactly as large as that grid needs (it grows and shrinks with its notes), and rows of
 * frames or notes for tidying up. Nothing here reads or writes a doc; arrange.ts does, with these.
 */
import { MAX_CLUSTER_SIZE, MIN_CLUSTER_SIZE } from './limits.js'
import { type Box, PLACEMENT_GAP, type Point, type Size } from './placement.js'

/** Room inside a frame around its notes, and the strip above them for the group's name and tools. */
export const FRAME_PADDING = 24
export const FRAME_HEADER = 48
/** A collapsed group is a small card with its name; its notes are hidden. */
export const COLLAPSED_FRAME: Size = { width: 260, height: 96 }
/** An empty group keeps room for a row of two notes, so there is somewhere to drop one. */
export const EMPTY_FRAME: Size = { width: 400, height: 256 }
/** A frame is at least as wide as its header needs for a readable name, the count and the tools. */
const HEADER_WIDTH = 320

export interface Grid {
  /** Each item's top-left corner, relative to the grid's. */
  readonly offsets: readonly Point[]
  readonly width: number
  readonly height: number
}

/** Columns for a grid of `count` items: about square, a little wider than high. */
export function columnsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)))
}

/** Items row by row in `columns` columns; each column as wide and each row as high as its largest item. */
export function gridOf(sizes: readonly Size[], columns = columnsFor(sizes.length), gap = PLACEMENT_GAP): Grid {
  const widths: number[] = []
  const heights: number[] = []
  sizes.forEach((size, i) => {
    const column = i % columns
    const row = Math.floor(i / columns)
    widths[column] = Math.max(widths[column] ?? 0, size.width)
    heights[row] = Math.max(heights[row] ?? 0, size.height)
  })
  const starts = (lengths: number[]) => lengths.map((_, i) => lengths.slice(0, i).reduce((sum, l) => sum + l + gap, 0))
  const lefts = starts(widths)
  const tops = starts(heights)
  const span = (lengths: number[]) =>
    lengths.length === 0 ? 0 : lengths.reduce((sum, l) => sum + l, 0) + gap * (lengths.length - 1)
  return {
    offsets: sizes.map((_, i) => ({ x: lefts[i % columns] ?? 0, y: tops[Math.floor(i / columns)] ?? 0 })),
    width: span(widths),
    height: span(heights),
  }
}

/** The frame a group with this grid of notes takes, its top-left corner kept. */
export function frameAround(corner: Point, grid: Grid): Box {
  const clamp = (value: number, empty: number) =>
    Math.min(MAX_CLUSTER_SIZE, Math.max(MIN_CLUSTER_SIZE, grid.offsets.length === 0 ? empty : value))
  return {
    x: corner.x,
    y: corner.y,
    width: clamp(Math.max(HEADER_WIDTH, grid.width + 2 * FRAME_PADDING), EMPTY_FRAME.width),
    height: clamp(grid.height + 2 * FRAME_PADDING + FRAME_HEADER, EMPTY_FRAME.height),
  }
}

/** Where a frame's grid of notes starts. */
export function gridCorner(frame: Point): Point {
  return { x: frame.x + FRAME_PADDING, y: frame.y + FRAME_HEADER + FRAME_PADDING }
}

/** The rectangle a group takes on the board: its frame, or the small card when it is collapsed. */
export function frameRect(cluster: Box & { readonly collapsed: boolean }): Box {
  const size = cluster.collapsed ? COLLAPSED_FRAME : cluster
  return { x: cluster.x, y: cluster.y, width: size.width, height: size.height }
}

/** The topmost group (the list is bottom first) whose rectangle as drawn holds the point, or null. */
export function frameAt<T extends Box & { readonly id: string; readonly collapsed: boolean }>(
  frames: readonly T[],
  point: Point,
  except: string | null = null,
): T | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]
    if (!frame || frame.id === except) continue
    const rect = frameRect(frame)
    if (point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height) {
      return frame
    }
  }
  return null
}

/**
 * The room a group keeps on the board: its frame, and at least its card when collapsed (the hidden
 * notes keep their places, ready for when it opens again).
 */
export function frameRoom(cluster: Box & { readonly collapsed: boolean }): Box {
  const card = frameRect(cluster)
  return { ...card, width: Math.max(card.width, cluster.width), height: Math.max(card.height, cluster.height) }
}

/**
 * The order in which boxes are read, as rows top to bottom and each row left to right: a note
 * dropped among a group's notes takes the place it was dropped on. Rows are `rowHeight` high, or
 * as high as the lowest box if that is less, counted from the topmost box: rows laid out by `rowsOf`
 * are then read as the same rows, so arranging what is arranged changes nothing. Returns the indices
 * of `boxes` in that order.
 */
export function readingOrder(boxes: readonly Box[], rowHeight: number): number[] {
  const top = Math.min(...boxes.map((box) => box.y))
  const height = Math.max(1, Math.min(rowHeight, ...boxes.map((box) => box.height)))
  const row = (box: Box) => Math.round((box.y - top) / height)
  return boxes
    .map((box, i) => ({ i, row: row(box), x: box.x + box.width / 2 }))
    .sort((a, b) => a.row - b.row || a.x - b.x || a.i - b.i)
    .map(({ i }) => i)
}

/**
 * Boxes in rows, left to right, a row ending where it would pass `rowWidth` (a box wider than that
 * has a row of its own). Returns each box's top-left corner relative to the first.
 */
export function rowsOf(sizes: readonly Size[], rowWidth: number, gap: number): { offsets: Point[]; height: number } {
  const offsets: Point[] = []
  let x = 0
  let y = 0
  let rowHeight = 0
  for (const size of sizes) {
    if (x > 0 && x + size.width > rowWidth) {
      x = 0
      y += rowHeight + gap
      rowHeight = 0
    }
    offsets.push({ x, y })
    x += size.width + gap
    rowHeight = Math.max(rowHeight, size.height)
  }
  return { offsets, height: sizes.length === 0 ? 0 : y + rowHeight }
}

/**
 * Where something new can go without covering anything: a grid of buckets over the rectangles
 * already on the board (notes, group frames), and a search outwards from a wished-for spot for the
 * nearest place that overlaps none of them. Pure geometry over plain rectangles: no doc, no Yjs.
 *
 * Cost: filling the buckets is one pass; a test looks only at the buckets a rectangle covers; the
 * search tries a bounded number of rings of candidates and then falls back to the edge of
 * everything, which is always free, so one placement stays cheap on a board of thousands of notes.
 */

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Box extends Point, Size {}

/** Space kept between two notes, or a note and a frame, so that they read as apart. */
export const PLACEMENT_GAP = 16

/** The size of one bucket, about a default note and its gap. */
const CELL = 192
/** Rings of candidates tried around the wished-for spot before falling back to the edge. */
const MAX_RINGS = 48

/** Whether two rectangles share any area once `gap` is kept between them (touching at the gap is fine). */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  )
}

/** The rectangles taken on a board, bucketed so that a test looks only near the rectangle tested. */
export class Occupancy {
  private readonly cells = new Map<number, Box[]>()
  private left = Number.POSITIVE_INFINITY
  private top = Number.POSITIVE_INFINITY
  private right = Number.NEGATIVE_INFINITY
  private bottom = Number.NEGATIVE_INFINITY

  constructor(boxes: Iterable<Box> = []) {
    for (const box of boxes) this.add(box)
  }

  add(box: Box): void {
    this.left = Math.min(this.left, box.x)
    this.top = Math.min(this.top, box.y)
    this.right = Math.max(this.right, box.x + box.width)
    this.bottom = Math.max(this.bottom, box.y + box.height)
    forEachCell(box, 0, (key) => {
      const cell = this.cells.get(key)
      if (cell) cell.push(box)
      else this.cells.set(key, [box])
      return false
    })
  }

  /** Whether `box` shares area with anything taken, keeping `gap` around it. */
  overlaps(box: Box, gap = 0): boolean {
    return forEachCell(box, gap, (key) => this.cells.get(key)?.some((other) => boxesOverlap(box, other, gap)) === true)
  }

  /** The taken rectangles (as added) that share area with `box`. */
  overlapping(box: Box, gap = 0): Set<Box> {
    const found = new Set<Box>()
    forEachCell(box, gap, (key) => {
      for (const other of this.cells.get(key) ?? []) if (boxesOverlap(box, other, gap)) found.add(other)
      return false
    })
    return found
  }

  /** The rectangle around everything taken, or null when nothing is. */
  bounds(): Box | null {
    if (this.right < this.left) return null
    return { x: this.left, y: this.top, width: this.right - this.left, height: this.bottom - this.top }
  }
}

/** Coordinates stay within ±1 000 000, so a bucket's row and column fit one number. */
const ROW = 1 << 16

/** Calls `visit` with the key of every bucket the box (with its gap) touches, until it returns true. */
function forEachCell(box: Box, gap: number, visit: (key: number) => boolean): boolean {
  const x0 = Math.floor((box.x - gap) / CELL)
  const x1 = Math.floor((box.x + box.width + gap) / CELL)
  const y0 = Math.floor((box.y - gap) / CELL)
  const y1 = Math.floor((box.y + box.height + gap) / CELL)
  for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) if (visit(cx * ROW + cy)) return true
  return false
}

/**
 * The top-left corner nearest to `near` (itself a top-left corner) where a rectangle of `size`
 * overlaps nothing in `taken`, keeping `gap` around it. Candidates lie on rings of a grid half a
 * rectangle wide around `near`, nearest first; of equally near ones, a spot that reads after `near`
 * (right of it, then below) wins, so notes added one after another at one place read in the order
 * they were made. Past the last ring the spot is just right of everything taken, at `near`'s height.
 */
export function freeSpot(taken: Occupancy, size: Size, near: Point, gap = PLACEMENT_GAP): Point {
  const fits = (x: number, y: number) => !taken.overlaps({ x, y, width: size.width, height: size.height }, gap)
  if (fits(near.x, near.y)) return near
  const stepX = Math.max(8, Math.round((size.width + gap) / 2))
  const stepY = Math.max(8, Math.round((size.height + gap) / 2))
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    let best: [number, number] | null = null
    for (const cell of ringCells(ring)) {
      if (best && !nearerCell(cell, best, stepX, stepY)) continue
      if (fits(near.x + cell[0] * stepX, near.y + cell[1] * stepY)) best = cell
    }
    if (best) return { x: near.x + best[0] * stepX, y: near.y + best[1] * stepY }
  }
  const bounds = taken.bounds()
  return bounds ? { x: bounds.x + bounds.width + gap, y: near.y } : near
}

/**
 * Whether grid cell `a` beats `b` as a spot: nearer, or as near and earlier in the order a spot is
 * preferred in — first those reading after the centre, the nearest of them in reading order
 * (the same row to the right, then the rows below), then those before it, the latest first.
 */
function nearerCell(a: readonly [number, number], b: readonly [number, number], stepX: number, stepY: number): boolean {
  const distance = ([i, j]: readonly [number, number]) => (i * stepX) ** 2 + (j * stepY) ** 2
  if (distance(a) !== distance(b)) return distance(a) < distance(b)
  const rank = ([i, j]: readonly [number, number]) => (j > 0 || (j === 0 && i > 0) ? [0, j, i] : [1, -j, -i])
  const [ra, rb] = [rank(a), rank(b)]
  for (let k = 0; k < 3; k++) if (ra[k] !== rb[k]) return (ra[k] ?? 0) < (rb[k] ?? 0)
  return false
}

/** The grid cells at Chebyshev distance `ring` from the centre. */
function* ringCells(ring: number): Generator<[number, number]> {
  for (let i = -ring; i <= ring; i++) {
    yield [i, -ring]
    yield [i, ring]
  }
  for (let j = -ring + 1; j <= ring - 1; j++) {
    yield [-ring, j]
    yield [ring, j]
  }
}

/**
 * Places several rectangles one after another, each in the free spot nearest its own wish, and
 * counts each placed one as taken for the next. Returns the corners in the order given.
 */
export function placeAll(
  taken: Occupancy,
  wishes: readonly (Size & { readonly near: Point })[],
  gap = PLACEMENT_GAP,
): Point[] {
  return wishes.map((wish) => {
    const spot = freeSpot(taken, wish, wish.near, gap)
    taken.add({ ...spot, width: wish.width, height: wish.height })
    return spot
  })
}

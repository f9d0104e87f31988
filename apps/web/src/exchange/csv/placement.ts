/**
 * Where imported notes go. They are laid out in the board model's grid (as importPlannedNotes
 * does): beside everything already on the board, or inside the chosen cluster below its notes
 * (growing it to fit), or inside a new cluster made to hold them exactly.
 */
import { type ClusterSnapshot, DEFAULT_NOTE_SIZE } from '@samla/board'
import type { Point, Rect, Size } from '../../lib/geometry'

const GAP = 16
const PITCH = DEFAULT_NOTE_SIZE + GAP
/** Room between the board's content and imported notes placed beside it. */
const SPACE = 80
/** The room clusters leave around their notes and for their name (as the board model does). */
const PADDING = 24
const HEADER = 48

export function gridSize(count: number): Size {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)))
  const rows = Math.max(1, Math.ceil(count / columns))
  return { width: columns * PITCH - GAP, height: rows * PITCH - GAP }
}

export type Placement =
  | { readonly kind: 'none'; readonly origin: Point }
  | { readonly kind: 'existing'; readonly clusterId: string; readonly origin: Point; readonly grownTo: Size | null }
  | { readonly kind: 'new'; readonly name: string; readonly area: Rect; readonly origin: Point }

export interface BoardSpace {
  /** Everything on the board, or null when it is empty. */
  readonly bounds: Rect | null
  /** The middle of the visible part of the board, for an empty board. */
  readonly viewCentre: Point
}

function besideBoard(space: BoardSpace, size: Size): Point {
  const { bounds, viewCentre } = space
  if (!bounds) return { x: Math.round(viewCentre.x - size.width / 2), y: Math.round(viewCentre.y - size.height / 2) }
  return { x: Math.round(bounds.x + bounds.width + SPACE), y: Math.round(bounds.y) }
}

export function placeNewCluster(count: number, name: string, space: BoardSpace): Placement {
  const grid = gridSize(count)
  const size = { width: grid.width + 2 * PADDING, height: grid.height + HEADER + 2 * PADDING }
  const corner = besideBoard(space, size)
  return {
    kind: 'new',
    name: name.trim(),
    area: { ...corner, ...size },
    origin: { x: corner.x + PADDING, y: corner.y + HEADER + PADDING },
  }
}

export function placeLoose(count: number, space: BoardSpace): Placement {
  return { kind: 'none', origin: besideBoard(space, gridSize(count)) }
}

/** Below the cluster's own notes, growing the cluster when the new ones would stick out. */
export function placeInCluster(count: number, cluster: ClusterSnapshot, members: readonly Rect[]): Placement {
  const grid = gridSize(count)
  const lowest = Math.max(cluster.y + HEADER + PADDING, ...members.map((note) => note.y + note.height + GAP))
  const origin = { x: Math.round(cluster.x + PADDING), y: Math.round(lowest) }
  const width = Math.max(cluster.width, origin.x - cluster.x + grid.width + PADDING)
  const height = Math.max(cluster.height, origin.y - cluster.y + grid.height + PADDING)
  const grows = width > cluster.width || height > cluster.height
  return { kind: 'existing', clusterId: cluster.id, origin, grownTo: grows ? { width, height } : null }
}

/** The world area the imported notes cover, to bring into view afterwards. */
export function importedArea(placement: Placement, count: number): Rect {
  return placement.kind === 'new' ? placement.area : { ...placement.origin, ...gridSize(count) }
}

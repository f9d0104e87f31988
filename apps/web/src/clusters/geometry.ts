/**
 * Cluster geometry on the canvas: the rectangle a cluster takes (a small card when collapsed),
 * which cluster a dropped note's centre lands in, and how far a cluster must grow to hold its notes.
 */
import type { ClusterSnapshot } from '@samla/board'
import type { Point, Rect } from '../lib/geometry'

/** The height of the header strip (name and tools), in world units, as the model leaves room for. */
export const HEADER_HEIGHT = 48
const PADDING = 24
const COLLAPSED: { width: number; height: number } = { width: 260, height: 96 }

type Placed = Pick<ClusterSnapshot, 'x' | 'y' | 'width' | 'height' | 'collapsed'>

export function clusterRect(cluster: Placed): Rect {
  const size = cluster.collapsed ? COLLAPSED : cluster
  return { x: cluster.x, y: cluster.y, width: size.width, height: size.height }
}

export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height
}

export function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

/** The topmost cluster (the list is bottom first) whose rectangle holds the point, or null. */
export function clusterAt(
  clusters: readonly (Placed & { id: string })[],
  point: Point,
  except: string | null = null,
): string | null {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cluster = clusters[i]
    if (cluster && cluster.id !== except && contains(clusterRect(cluster), point)) return cluster.id
  }
  return null
}

/** The topmost cluster whose header strip holds the point: where a dragged cluster is merged. */
export function headerAt(clusters: readonly (Placed & { id: string })[], point: Point, except: string): string | null {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cluster = clusters[i]
    if (!cluster || cluster.id === except) continue
    const rect = clusterRect(cluster)
    if (contains({ ...rect, height: Math.min(rect.height, HEADER_HEIGHT) }, point)) return cluster.id
  }
  return null
}

/**
 * The smallest rectangle holding both the cluster and its notes with room around them, or null when
 * the cluster already holds them: a cluster only grows, never shrinks under someone's notes.
 */
export function grownToFit(cluster: Rect, notes: readonly Rect[]): Rect | null {
  let left = cluster.x
  let top = cluster.y
  let right = cluster.x + cluster.width
  let bottom = cluster.y + cluster.height
  for (const note of notes) {
    left = Math.min(left, note.x - PADDING)
    top = Math.min(top, note.y - PADDING - HEADER_HEIGHT)
    right = Math.max(right, note.x + note.width + PADDING)
    bottom = Math.max(bottom, note.y + note.height + PADDING)
  }
  const grown = { x: left, y: top, width: right - left, height: bottom - top }
  const same =
    grown.x === cluster.x && grown.y === cluster.y && grown.width === cluster.width && grown.height === cluster.height
  return same ? null : grown
}

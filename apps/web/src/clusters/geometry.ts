/**
 * Cluster geometry on the canvas: the rectangle a cluster takes (a small card when collapsed, as the
 * board model draws it), which cluster a dropped note's centre lands in, and which header a dragged
 * cluster is dropped on.
 */
import { FRAME_HEADER, frameAt, frameRect } from '@samla/board'
import type { Point } from '../lib/geometry'

/** The height of the header strip (name and tools), in world units, as the model leaves room for. */
export const HEADER_HEIGHT = FRAME_HEADER

type Placed = Parameters<typeof frameRect>[0] & { readonly id: string }

export const clusterRect = frameRect

export function centreOf(rect: { x: number; y: number; width: number; height: number }): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

/** The topmost cluster (the list is bottom first) whose rectangle holds the point, or null. */
export function clusterAt(clusters: readonly Placed[], point: Point, except: string | null = null): string | null {
  return frameAt(clusters, point, except)?.id ?? null
}

/** The topmost cluster whose header strip holds the point: where a dragged cluster is merged. */
export function headerAt(clusters: readonly Placed[], point: Point, except: string): string | null {
  const headers = clusters.map((cluster) => ({
    ...cluster,
    collapsed: false,
    height: Math.min(frameRect(cluster).height, HEADER_HEIGHT),
    width: frameRect(cluster).width,
  }))
  return frameAt(headers, point, except)?.id ?? null
}

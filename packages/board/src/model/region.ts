/**
 * Regions: the part of a merged board each source board's copy was laid out in, titled with the
 * source's title (exchange/merge.ts writes them). Only the facilitator writes regions, so this module
 * only reads them; a region that breaks its rules is skipped like any malformed entry.
 */
import type * as Y from 'yjs'
import { regionEntries } from './entries.js'
import { isBoardId, REGION_FIELDS } from './entry-rules.js'
import { numberField, stringField } from './fields.js'

export interface RegionSnapshot {
  readonly id: string
  readonly title: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly sourceBoardId: string
}

/** One region map as a snapshot, or null when it names no source board (it cannot be refreshed or told apart). */
export function snapshotRegion(id: string, map: Y.Map<unknown>): RegionSnapshot | null {
  const sourceBoardId = stringField(map, REGION_FIELDS, 'sourceBoardId')
  if (!isBoardId(sourceBoardId)) return null
  return {
    id,
    title: stringField(map, REGION_FIELDS, 'title'),
    x: numberField(map, REGION_FIELDS, 'x', 0),
    y: numberField(map, REGION_FIELDS, 'y', 0),
    width: numberField(map, REGION_FIELDS, 'width', 1),
    height: numberField(map, REGION_FIELDS, 'height', 1),
    sourceBoardId,
  }
}

/** Every region of the board, left to right (then top to bottom, then by id). */
export function listRegions(doc: Y.Doc): RegionSnapshot[] {
  return regionEntries(doc)
    .map(([id, map]) => snapshotRegion(id, map))
    .filter((region): region is RegionSnapshot => region !== null)
    .sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

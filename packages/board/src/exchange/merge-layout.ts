/**
 * Where a merge of boards (merge.ts) puts things: one region per source board, side by side in a row
 * so that no two overlap, each source's layout moved as a whole into its region, and what a later
 * merge adds put in rows below its region's content. Pure geometry over plain rectangles, worked out
 * before the merge writes anything, so a merge that does not fit is refused with the board untouched.
 */
import { MergeError } from '../model/errors.js'
import { MAX_COORDINATE, MAX_NOTE_SIZE, MIN_NOTE_SIZE } from '../model/limits.js'
import { type Box, boxesOverlap, PLACEMENT_GAP } from '../model/placement.js'
import type { RegionSnapshot } from '../model/region.js'

/** Room inside a region's edge, and above its notes for its title. */
export const REGION_PADDING = 48
export const REGION_HEADER = 72
/** Space between two regions side by side. */
export const REGION_GAP = 240
/** A region is at least as wide as the widest note, so a note added later always fits a row of it. */
const MIN_INNER_WIDTH = MAX_NOTE_SIZE
const MIN_INNER_HEIGHT = MIN_NOTE_SIZE

/** A rectangle of the plan: something on the target already, or to be copied there. */
export interface Placed {
  kind: 'note' | 'group'
  id: string
  x: number
  y: number
  width: number
  height: number
  moved: boolean
}

export interface PlannedRegion extends Box {
  readonly id: string
  x: number
  y: number
  width: number
  height: number
  title: string
  readonly sourceBoardId: string
  readonly fresh: boolean
}

/** Rectangles that move as one: a source's whole layout, a new group with its new notes, or one note. */
export interface Block {
  readonly items: Placed[]
}

const bounds = (items: readonly Box[]): Box => {
  const left = Math.min(...items.map((b) => b.x))
  const top = Math.min(...items.map((b) => b.y))
  const right = Math.max(...items.map((b) => b.x + b.width))
  const bottom = Math.max(...items.map((b) => b.y + b.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

function translate(block: Block, x: number, y: number): void {
  const from = bounds(block.items)
  for (const item of block.items) {
    item.x += x - from.x
    item.y += y - from.y
    item.moved = true
  }
}

/** The target's rectangles and regions as the merge moves and adds them. */
export class MergeLayout {
  readonly boxes: Placed[] = []
  readonly regions: PlannedRegion[]

  constructor(regions: readonly RegionSnapshot[]) {
    this.regions = regions.map((region) => ({ ...region, fresh: false }))
  }

  /** A region for a source merged for the first time, right of everything, its layout kept as one block. */
  openRegion(id: string, source: { readonly boardId: string; readonly title: string }, blocks: readonly Block[]): void {
    const items = blocks.flatMap((block) => block.items)
    const everything = [...this.boxes, ...this.regions]
    const x = everything.length > 0 ? bounds(everything).x + bounds(everything).width + REGION_GAP : 0
    const y = this.regions.length > 0 ? Math.min(...this.regions.map((r) => r.y)) : 0
    const content = items.length > 0 ? bounds(items) : { x: 0, y: 0, width: 0, height: 0 }
    if (items.length > 0) translate({ items }, x + REGION_PADDING, y + REGION_HEADER + REGION_PADDING)
    this.regions.push({
      id,
      title: source.title,
      x,
      y,
      width: Math.max(MIN_INNER_WIDTH, content.width) + 2 * REGION_PADDING,
      height: REGION_HEADER + Math.max(MIN_INNER_HEIGHT, content.height) + 2 * REGION_PADDING,
      sourceBoardId: source.boardId,
      fresh: true,
    })
  }

  /**
   * What is new in a source merged before goes in rows below everything in its region, each block
   * keeping its own layout. The region grows down to hold them, and right when a block is wider than
   * it, pushing everything right of it further right by as much; growing over a region below it (one
   * a facilitator moved there) is refused.
   */
  shelve(region: PlannedRegion, blocks: readonly Block[]): void {
    if (blocks.length === 0) return
    const innerLeft = region.x + REGION_PADDING
    const within = this.boxes.filter((box) => boxesOverlap(box, region))
    let cursorY =
      within.length > 0
        ? bounds(within).y + bounds(within).height + PLACEMENT_GAP
        : region.y + REGION_HEADER + REGION_PADDING
    let cursorX = innerLeft
    let rowHeight = 0
    for (const block of blocks) {
      const size = bounds(block.items)
      if (cursorX > innerLeft && cursorX + size.width > region.x + region.width - REGION_PADDING) {
        cursorY += rowHeight + PLACEMENT_GAP
        cursorX = innerLeft
        rowHeight = 0
      }
      translate(block, cursorX, cursorY)
      cursorX += size.width + PLACEMENT_GAP
      rowHeight = Math.max(rowHeight, size.height)
      const right = cursorX - PLACEMENT_GAP + REGION_PADDING
      if (right > region.x + region.width) this.widen(region, right - region.x - region.width)
    }
    const bottom = cursorY + rowHeight + REGION_PADDING
    if (bottom > region.y + region.height) {
      const grown = { ...region, height: bottom - region.y }
      if (this.regions.some((other) => other !== region && boxesOverlap(other, grown))) {
        throw new MergeError('merge-no-room', `The region of “${region.title}” cannot grow over the region below it`)
      }
      region.height = grown.height
    }
  }

  /** Widens a region, moving every region and rectangle that starts right of it further right. */
  private widen(region: PlannedRegion, by: number): void {
    const edge = region.x + region.width
    for (const other of this.regions) if (other !== region && other.x >= edge) other.x += by
    for (const box of this.boxes) {
      if (box.x < edge) continue
      box.x += by
      box.moved = true
    }
    region.width += by
  }

  /** Refuses, before anything is written, a layout reaching past the board's coordinates. */
  checkWithinBoard(): void {
    const all: Box[] = [...this.boxes, ...this.regions]
    const far = all.some(
      (b) => Math.max(Math.abs(b.x), Math.abs(b.y), Math.abs(b.x + b.width), Math.abs(b.y + b.height)) > MAX_COORDINATE,
    )
    if (far) throw new MergeError('merge-no-room', 'The merged board would reach past the edge of the board')
  }
}

/**
 * Groups that behave like frames, and tidying up. Membership stays one field of each note
 * (clusterId, last writer wins, so a note is in exactly one group or none whatever people do at
 * once); where notes and frames lie follows from it: a group lays its notes out in a grid under its
 * header and is exactly as large as they need, a note dropped inside a frame joins that group and
 * one dropped outside leaves it, groups push their neighbours aside instead of covering them, and
 * loose notes under a frame are moved out into free space. Each operation reads the board once
 * (scene.ts), works the arrangement out in memory and writes it in one transaction.
 */
import type * as Y from 'yjs'
import {
  columnsFor,
  frameAround,
  frameAt,
  frameRoom,
  gridCorner,
  gridOf,
  readingOrder,
  rowsOf,
} from './frame-layout.js'
import { DEFAULT_NOTE_SIZE } from './limits.js'
import { compareStacking } from './note.js'
import { type Box, boxesOverlap, freeSpot, Occupancy, PLACEMENT_GAP } from './placement.js'
import { type PlacedFrame, type PlacedNote, Scene } from './scene.js'

/** Space kept between two groups. */
export const FRAME_GAP = 32
/** Rows of a group's notes, for reading where a dropped note was meant to go. */
const ROW_HEIGHT = DEFAULT_NOTE_SIZE + PLACEMENT_GAP
/** Rounds of pushing neighbours aside before giving up (the rest is for "Tidy up"). */
const PUSH_ROUNDS = 64

/** What "Tidy up" arranges: some notes (and the groups they are in), one group, or the whole board. */
export type TidyScope = { readonly noteIds: readonly string[] } | { readonly clusterId: string } | 'board'

/** Lays a group's notes out in a grid under its header, in reading order, and fits the frame to them. */
function layoutFrame(frame: PlacedFrame, members: readonly PlacedNote[]): void {
  const ordered = members.length === 0 ? [] : readingOrder(members, ROW_HEIGHT).map((i) => members[i] as PlacedNote)
  const grid = gridOf(ordered)
  const corner = gridCorner(frame)
  ordered.forEach((note, i) => {
    const offset = grid.offsets[i] ?? { x: 0, y: 0 }
    note.x = corner.x + offset.x
    note.y = corner.y + offset.y
  })
  const fitted = frameAround(frame, grid)
  frame.width = fitted.width
  frame.height = fitted.height
}

/** How far `b` must move, away from `a`'s centre along the shorter way, to keep `gap` from `a`. */
function pushOut(a: Box, b: Box, gap: number): { dx: number; dy: number } {
  const dx = b.x + b.width / 2 >= a.x + a.width / 2 ? a.x + a.width + gap - b.x : a.x - gap - (b.x + b.width)
  const dy = b.y + b.height / 2 >= a.y + a.height / 2 ? a.y + a.height + gap - b.y : a.y - gap - (b.y + b.height)
  return Math.abs(dx) <= Math.abs(dy) ? { dx, dy: 0 } : { dx: 0, dy }
}

/** Moves groups that overlap others aside (the `anchors` stay put unless two of them overlap); returns the groups moved. */
function pushApart(scene: Scene, anchors: ReadonlySet<PlacedFrame>, members: Map<string, PlacedNote[]>) {
  const moved = new Set<PlacedFrame>()
  const order = [...anchors, ...scene.frames.filter((frame) => !anchors.has(frame))]
  const rank = new Map(order.map((frame, i) => [frame, i]))
  // An anchor gives way only to an anchor before it: two groups laid out at once may grow into each other.
  const givesWay = (a: PlacedFrame, b: PlacedFrame) =>
    a !== b && (!anchors.has(b) || (anchors.has(a) && (rank.get(a) ?? 0) < (rank.get(b) ?? 0)))
  for (let round = 0; round < PUSH_ROUNDS; round++) {
    let pushed = false
    for (const a of order) {
      for (const b of order) {
        if (!givesWay(a, b) || !overlapsFrame(a, b)) continue
        const { dx, dy } = pushOut(frameRoom(a), frameRoom(b), FRAME_GAP)
        scene.shiftFrame(b, members.get(b.id) ?? [], dx, dy)
        moved.add(b)
        pushed = true
      }
    }
    if (!pushed) return moved
  }
  // Pushing went round in circles: what still overlaps goes to the free space nearest it instead.
  const stuck = new Set(order.filter((b) => order.some((a) => givesWay(a, b) && overlapsFrame(a, b))))
  const taken = new Occupancy(order.filter((frame) => !stuck.has(frame)).map(frameRoom))
  for (const frame of stuck) {
    const room = frameRoom(frame)
    const spot = freeSpot(taken, room, room, FRAME_GAP)
    scene.shiftFrame(frame, members.get(frame.id) ?? [], spot.x - frame.x, spot.y - frame.y)
    taken.add(frameRoom(frame))
    moved.add(frame)
  }
  return moved
}

const overlapsFrame = (a: PlacedFrame, b: PlacedFrame) => boxesOverlap(frameRoom(a), frameRoom(b), FRAME_GAP)

/**
 * Moves loose notes out from under frames into the free space nearest them: those under the
 * `changed` frames, and those of `settled` under any frame.
 */
function evict(scene: Scene, changed: Iterable<PlacedFrame>, settled: ReadonlySet<PlacedNote>): void {
  const rects = [...changed].map(frameRoom)
  const all = scene.frames.map(frameRoom)
  const under = (note: PlacedNote, frames: readonly Box[]) => frames.some((rect) => boxesOverlap(note, rect))
  const out = [...scene.notes.values()].filter(
    (note) => note.clusterId === null && (under(note, rects) || (settled.has(note) && under(note, all))),
  )
  if (out.length === 0) return
  const leaving = new Set<PlacedNote | PlacedFrame>(out)
  const taken = scene.occupancy((box) => leaving.has(box))
  for (const note of out) {
    const spot = freeSpot(taken, note, note)
    note.x = spot.x
    note.y = spot.y
    taken.add(note)
  }
}

/** Lays out the given groups, moves their neighbours aside and loose notes out from under them. */
function settleFrames(scene: Scene, frames: ReadonlySet<PlacedFrame>, settled: ReadonlySet<PlacedNote>): void {
  const members = scene.members()
  for (const frame of frames) layoutFrame(frame, members.get(frame.id) ?? [])
  const pushed = pushApart(scene, frames, members)
  evict(scene, [...frames, ...pushed], settled)
}

/**
 * After notes were moved (a drop, a new note): with `join`, each is put into the group whose frame
 * holds its centre, or taken out of its group when none does; without (someone who may not change
 * groups), a group's note goes back into its grid and a loose note out from under any frame. The
 * groups it left and joined are laid out again. One transaction.
 */
export function settleNotes(doc: Y.Doc, noteIds: readonly string[], options: { readonly join: boolean }): void {
  const scene = new Scene(doc)
  const settled = new Set(noteIds.flatMap((id) => scene.notes.get(id) ?? []))
  const touched = new Set<PlacedFrame>()
  for (const note of settled) {
    const before = scene.frame(note.clusterId)
    const centre = { x: note.x + note.width / 2, y: note.y + note.height / 2 }
    if (options.join) scene.join(note, frameAt(scene.frames, centre)?.id ?? null)
    for (const frame of [before, scene.frame(note.clusterId)]) if (frame) touched.add(frame)
  }
  settleFrames(scene, touched, settled)
  scene.commit(doc)
}

/**
 * Lays out the given groups and fits their frames. `push` moves the neighbours a grown group now
 * covers aside (a group that grew, was moved or opened); `place` moves the group itself into the
 * nearest free space when it covers anything (a group just made around scattered notes). One
 * transaction.
 */
export function arrangeClusters(doc: Y.Doc, clusterIds: readonly string[], how: 'push' | 'place'): void {
  const scene = new Scene(doc)
  const frames = new Set(clusterIds.flatMap((id) => scene.frame(id) ?? []))
  const members = scene.members()
  for (const frame of frames) layoutFrame(frame, members.get(frame.id) ?? [])
  if (how === 'place') {
    for (const frame of frames) {
      const own = new Set<PlacedNote | PlacedFrame>([frame, ...(members.get(frame.id) ?? [])])
      const taken = scene.occupancy((box) => own.has(box))
      const rect = frameRoom(frame)
      const spot = freeSpot(taken, rect, rect, FRAME_GAP)
      scene.shiftFrame(frame, members.get(frame.id) ?? [], spot.x - frame.x, spot.y - frame.y)
    }
  }
  settleFrames(scene, frames, new Set())
  scene.commit(doc)
}

/** Sizes of boxes and the order they are read in. */
function inReadingOrder<T extends Box>(boxes: readonly T[]): T[] {
  return boxes.length === 0 ? [] : readingOrder(boxes, ROW_HEIGHT).map((i) => boxes[i] as T)
}

/** Lays the loose notes out in a grid at their top-left corner, moved into free space as one block. */
function tidyLoose(scene: Scene, loose: readonly PlacedNote[]): void {
  if (loose.length === 0) return
  const ordered = inReadingOrder(loose)
  const grid = gridOf(ordered, columnsFor(ordered.length))
  const corner = { x: Math.min(...loose.map((n) => n.x)), y: Math.min(...loose.map((n) => n.y)) }
  const moving = new Set<PlacedNote | PlacedFrame>(loose)
  const spot = freeSpot(
    scene.occupancy((box) => moving.has(box)),
    { width: grid.width, height: grid.height },
    corner,
  )
  ordered.forEach((note, i) => {
    note.x = spot.x + (grid.offsets[i]?.x ?? 0)
    note.y = spot.y + (grid.offsets[i]?.y ?? 0)
  })
}

/** The whole board: every group laid out, the groups in rows, the loose notes in rows below them. */
function tidyBoard(scene: Scene): void {
  const members = scene.members()
  const notes = [...scene.notes.values()]
  const everything = [...scene.frames.map(frameRoom), ...notes]
  if (everything.length === 0) return
  const origin = { x: Math.min(...everything.map((b) => b.x)), y: Math.min(...everything.map((b) => b.y)) }
  for (const frame of scene.frames) layoutFrame(frame, members.get(frame.id) ?? [])
  const frames = inReadingOrder(scene.frames)
  const loose = inReadingOrder(notes.filter((note) => note.clusterId === null))
  const rects = frames.map(frameRoom)
  const area = [...rects, ...loose].reduce((sum, b) => sum + (b.width + FRAME_GAP) * (b.height + FRAME_GAP), 0)
  const widest = Math.max(0, ...rects.map((r) => r.width), ...loose.map((n) => n.width))
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.6)
  const frameRows = rowsOf(rects, rowWidth, FRAME_GAP)
  frames.forEach((frame, i) => {
    const offset = frameRows.offsets[i] ?? { x: 0, y: 0 }
    scene.shiftFrame(frame, members.get(frame.id) ?? [], origin.x + offset.x - frame.x, origin.y + offset.y - frame.y)
  })
  const top = origin.y + (frames.length > 0 ? frameRows.height + FRAME_GAP : 0)
  const noteRows = rowsOf(loose, rowWidth, PLACEMENT_GAP)
  loose.forEach((note, i) => {
    note.x = origin.x + (noteRows.offsets[i]?.x ?? 0)
    note.y = top + (noteRows.offsets[i]?.y ?? 0)
  })
}

/**
 * "Tidy up": arranges some notes, one group or the whole board so that no two notes and no two
 * groups overlap, in one transaction (one step to undo). Selected notes in groups have their
 * groups laid out; loose selected notes are put in a grid where there is room.
 */
export function tidyUp(doc: Y.Doc, scope: TidyScope): void {
  const scene = new Scene(doc)
  if (scope === 'board') {
    tidyBoard(scene)
  } else if ('clusterId' in scope) {
    const frame = scene.frame(scope.clusterId)
    if (frame) settleFrames(scene, new Set([frame]), new Set())
  } else {
    const picked = scope.noteIds.flatMap((id) => scene.notes.get(id) ?? [])
    const frames = new Set(picked.flatMap((note) => scene.frame(note.clusterId) ?? []))
    settleFrames(scene, frames, new Set())
    tidyLoose(
      scene,
      picked.filter((note) => note.clusterId === null),
    )
  }
  scene.commit(doc)
}

/**
 * Notes just put on the board by several people at once (a reveal) may land on each other, each
 * writer having placed theirs by what it saw. Every peer can tell which of two overlapping notes
 * gives way — the one stacked higher — so each writer moves only its own notes that overlap a note
 * stacked below them, or a group's frame, into free space. Returns how many moved.
 */
export function makeRoom(doc: Y.Doc, noteIds: readonly string[]): number {
  const scene = new Scene(doc)
  const notes = new Occupancy([...scene.notes.values()])
  const frames = scene.frames.map(frameRoom)
  const yielding = noteIds
    .flatMap((id) => scene.notes.get(id) ?? [])
    .filter((note) => note.clusterId === null)
    .filter(
      (note) =>
        frames.some((rect) => boxesOverlap(note, rect)) ||
        [...notes.overlapping(note)].some((other) => other !== note && compareStacking(other as PlacedNote, note) < 0),
    )
  if (yielding.length === 0) return 0
  const moving = new Set<PlacedNote | PlacedFrame>(yielding)
  const taken = scene.occupancy((box) => moving.has(box))
  for (const note of yielding.sort(compareStacking)) {
    const spot = freeSpot(taken, note, note)
    note.x = spot.x
    note.y = spot.y
    taken.add(note)
  }
  scene.commit(doc)
  return yielding.length
}

/**
 * A board's geometry read once into plain, changeable boxes — every note with the group it is in,
 * every group's frame — so that an arrangement can be worked out in memory and then written in one
 * go: `commit` checks every changed position and size first and writes only what changed, so a
 * refused arrangement leaves the doc as it was and an unchanged one sends nothing.
 */
import type * as Y from 'yjs'
import { clusterEntries, noteEntries } from './entries.js'
import { CLUSTER_FIELDS, NOTE_FIELDS } from './entry-rules.js'
import { numberField, stringField } from './fields.js'
import { frameRoom } from './frame-layout.js'
import { DEFAULT_NOTE_SIZE, MIN_CLUSTER_SIZE } from './limits.js'
import { compareStacking } from './note.js'
import { type Box, Occupancy } from './placement.js'
import { checkCoordinate } from './validate.js'

/** Where a box was when the scene was read, to write only what changed. */
interface Read {
  readonly before: Box
}

export interface PlacedNote extends Read {
  readonly id: string
  readonly map: Y.Map<unknown>
  readonly order: string
  x: number
  y: number
  readonly width: number
  readonly height: number
  /** The group it is in, only when that group is on the board. */
  clusterId: string | null
}

export interface PlacedFrame extends Read {
  readonly id: string
  readonly map: Y.Map<unknown>
  readonly order: string
  x: number
  y: number
  width: number
  height: number
  readonly collapsed: boolean
}

export class Scene {
  readonly notes = new Map<string, PlacedNote>()
  /** Bottom first, as the board stacks them. */
  readonly frames: PlacedFrame[] = []
  private readonly joined = new Set<PlacedNote>()

  constructor(doc: Y.Doc) {
    for (const [id, map] of clusterEntries(doc)) {
      const box = {
        x: numberField(map, CLUSTER_FIELDS, 'x', 0),
        y: numberField(map, CLUSTER_FIELDS, 'y', 0),
        width: numberField(map, CLUSTER_FIELDS, 'width', MIN_CLUSTER_SIZE),
        height: numberField(map, CLUSTER_FIELDS, 'height', MIN_CLUSTER_SIZE),
      }
      const order = stringField(map, CLUSTER_FIELDS, 'order')
      this.frames.push({ id, map, order, ...box, before: box, collapsed: map.get('collapsed') === true })
    }
    this.frames.sort(compareStacking)
    const present = new Set(this.frames.map((frame) => frame.id))
    for (const [id, map] of noteEntries(doc)) {
      const clusterId = stringField(map, NOTE_FIELDS, 'clusterId')
      const box = {
        x: numberField(map, NOTE_FIELDS, 'x', 0),
        y: numberField(map, NOTE_FIELDS, 'y', 0),
        width: numberField(map, NOTE_FIELDS, 'width', DEFAULT_NOTE_SIZE),
        height: numberField(map, NOTE_FIELDS, 'height', DEFAULT_NOTE_SIZE),
      }
      const order = stringField(map, NOTE_FIELDS, 'order')
      this.notes.set(id, { id, map, order, ...box, before: box, clusterId: present.has(clusterId) ? clusterId : null })
    }
  }

  frame(id: string | null): PlacedFrame | undefined {
    return id === null ? undefined : this.frames.find((frame) => frame.id === id)
  }

  /** Every group's notes at once, by group id (one pass over the notes). */
  members(): Map<string, PlacedNote[]> {
    const members = new Map<string, PlacedNote[]>(this.frames.map((frame) => [frame.id, []]))
    for (const note of this.notes.values()) if (note.clusterId !== null) members.get(note.clusterId)?.push(note)
    return members
  }

  join(note: PlacedNote, clusterId: string | null): void {
    if (note.clusterId === clusterId) return
    note.clusterId = clusterId
    this.joined.add(note)
  }

  /** Moves a group's frame and its notes by the same offset. */
  shiftFrame(frame: PlacedFrame, members: readonly PlacedNote[], dx: number, dy: number): void {
    frame.x += dx
    frame.y += dy
    for (const note of members) {
      note.x += dx
      note.y += dy
    }
  }

  /** Everything taken on the board but what `skip` names: frames as drawn, and notes. */
  occupancy(skip: (box: PlacedNote | PlacedFrame) => boolean = () => false): Occupancy {
    const taken = new Occupancy()
    for (const frame of this.frames) if (!skip(frame)) taken.add(frameRoom(frame))
    for (const note of this.notes.values()) if (!skip(note)) taken.add(note)
    return taken
  }

  /** Writes every changed position, size and membership; checks them all before writing any. */
  commit(doc: Y.Doc): void {
    const writes: [Y.Map<unknown>, string, number][] = []
    const wrote = ({ map, before, ...box }: PlacedNote | PlacedFrame) => {
      for (const key of ['x', 'y'] as const) {
        if (before[key] !== box[key]) writes.push([map, key, checkCoordinate(key, box[key])])
      }
      for (const key of ['width', 'height'] as const) if (before[key] !== box[key]) writes.push([map, key, box[key]])
    }
    for (const frame of this.frames) wrote(frame)
    for (const note of this.notes.values()) wrote(note)
    doc.transact(() => {
      for (const [map, key, value] of writes) map.set(key, value)
      for (const note of this.joined) {
        if (note.clusterId === null) note.map.delete('clusterId')
        else note.map.set('clusterId', note.clusterId)
      }
    })
  }
}

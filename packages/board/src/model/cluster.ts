/**
 * Clusters: named groups of notes (affinity mapping). A cluster is an area on the board with a
 * live-editable name; membership is a field on each note, so a note is in one cluster or none
 * whatever people do at once. Moving a cluster moves its notes; deleting it keeps them.
 */
import { generateKeyBetween } from 'fractional-indexing'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { clusterEntries, clusterEntry, noteEntries } from './entries.js'
import { CLUSTER_FIELDS, NOTE_FIELDS } from './entry-rules.js'
import { BoardError } from './errors.js'
import { numberField, stringField, textField, validField } from './fields.js'
import { FRAME_HEADER, FRAME_PADDING } from './frame-layout.js'
import { MAX_CLUSTER_NAME_LENGTH, MAX_CLUSTER_SIZE, MIN_CLUSTER_SIZE } from './limits.js'
import { requireNotes } from './note.js'
import { DEFAULT_NOTE_COLOUR, type NoteColour } from './palette.js'
import { type ClusterMap, clustersMap, type NoteMap } from './schema.js'
import { applyTextDiff } from './text-diff.js'
import { checkColour, checkCoordinate, checkId, checkOrderKey, wellFormed } from './validate.js'

export interface ClusterSnapshot {
  readonly id: string
  readonly name: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly colour: NoteColour
  readonly collapsed: boolean
  readonly order: string
}

/** Room around grouped notes, so the cluster's name sits above them. */
const PADDING = FRAME_PADDING
const HEADER = FRAME_HEADER

/** Reads one cluster map into a plain snapshot; a field a peer left out or broke reads as its default. */
export function snapshotCluster(id: string, map: ClusterMap): ClusterSnapshot {
  return {
    id,
    name: textField(map, CLUSTER_FIELDS, 'name'),
    x: numberField(map, CLUSTER_FIELDS, 'x', 0),
    y: numberField(map, CLUSTER_FIELDS, 'y', 0),
    width: numberField(map, CLUSTER_FIELDS, 'width', MIN_CLUSTER_SIZE),
    height: numberField(map, CLUSTER_FIELDS, 'height', MIN_CLUSTER_SIZE),
    colour: (validField(map, CLUSTER_FIELDS, 'colour') as NoteColour | undefined) ?? DEFAULT_NOTE_COLOUR,
    collapsed: map.get('collapsed') === true,
    order: stringField(map, CLUSTER_FIELDS, 'order'),
  }
}

function checkClusterName(name: unknown): string {
  if (typeof name !== 'string' || name.length > MAX_CLUSTER_NAME_LENGTH) {
    throw new BoardError('invalid-text', `A cluster name is text of at most ${MAX_CLUSTER_NAME_LENGTH} characters`)
  }
  return wellFormed(name)
}

function checkClusterSize(name: string, value: number): number {
  if (!Number.isFinite(value) || value < MIN_CLUSTER_SIZE || value > MAX_CLUSTER_SIZE) {
    throw new BoardError('invalid-size', `${name} must be between ${MIN_CLUSTER_SIZE} and ${MAX_CLUSTER_SIZE}`)
  }
  return value
}

function requireCluster(doc: Y.Doc, id: unknown): ClusterMap {
  const checked = checkId(id)
  const map = clusterEntry(doc, checked)
  if (!map) throw new BoardError('cluster-not-found', `No cluster with id ${checked} on this board`)
  return map
}

/** Notes whose clusterId names this cluster; none if the cluster is not on the board (SPEC [CL5]). */
export function clusterNoteIds(doc: Y.Doc, clusterId: string): string[] {
  return clusterMembers(doc).get(clusterId) ?? []
}

/**
 * Every cluster's notes at once, keyed by cluster id (clusters on the board only, SPEC [CL5]). Reads
 * just each note's clusterId, so a board of thousands of notes costs one pass and no snapshots.
 */
export function clusterMembers(doc: Y.Doc): Map<string, string[]> {
  const members = new Map<string, string[]>(clusterEntries(doc).map(([id]) => [id, []]))
  if (members.size === 0) return members
  for (const [id, map] of noteEntries(doc)) {
    const clusterId = map.get('clusterId')
    if (typeof clusterId === 'string') members.get(clusterId)?.push(id)
  }
  return members
}

/** All clusters, bottom first (entries that are no cluster at all are skipped). */
export function listClusters(doc: Y.Doc): ClusterSnapshot[] {
  return clusterEntries(doc)
    .map(([id, map]) => snapshotCluster(id, map))
    .sort((a, b) => (a.order === b.order ? (a.id < b.id ? -1 : 1) : a.order < b.order ? -1 : 1))
}

export interface CreateClusterInput {
  name: string
  /** Notes to group; the cluster is then placed around them. */
  noteIds?: readonly string[]
  x?: number
  y?: number
  width?: number
  height?: number
  colour?: NoteColour
  collapsed?: boolean
  /** Stacking key, when recreating a cluster exactly (an import). */
  order?: string
  id?: string
}

function boundsAround(maps: NoteMap[]) {
  const field = (m: NoteMap, key: string, fallback: number) => numberField(m, NOTE_FIELDS, key, fallback)
  const left = Math.min(...maps.map((m) => field(m, 'x', 0)))
  const top = Math.min(...maps.map((m) => field(m, 'y', 0)))
  const right = Math.max(...maps.map((m) => field(m, 'x', 0) + field(m, 'width', 0)))
  const bottom = Math.max(...maps.map((m) => field(m, 'y', 0) + field(m, 'height', 0)))
  return {
    x: left - PADDING,
    y: top - PADDING - HEADER,
    width: Math.max(MIN_CLUSTER_SIZE, right - left + 2 * PADDING),
    height: Math.max(MIN_CLUSTER_SIZE, bottom - top + 2 * PADDING + HEADER),
  }
}

/** Creates a cluster, grouping the given notes into it in the same transaction. */
export function createCluster(doc: Y.Doc, input: CreateClusterInput): string {
  const id = input.id === undefined ? nanoid() : checkId(input.id)
  if (clustersMap(doc).has(id)) throw new BoardError('invalid-id', `A cluster with id ${id} already exists`)
  const name = checkClusterName(input.name)
  const members = requireNotes(doc, input.noteIds ?? [])
  const around = members.length > 0 ? boundsAround(members) : null
  const x = checkCoordinate('x', input.x ?? around?.x ?? 0)
  const y = checkCoordinate('y', input.y ?? around?.y ?? 0)
  const width = checkClusterSize('width', input.width ?? around?.width ?? 400)
  const height = checkClusterSize('height', input.height ?? around?.height ?? 300)
  const colour = checkColour(input.colour ?? 'grey')
  const order = input.order === undefined ? null : checkOrderKey(input.order)
  const top = listClusters(doc).at(-1)?.order ?? null
  doc.transact(() => {
    const map: ClusterMap = new Y.Map()
    map.set('name', new Y.Text(name))
    map.set('x', x)
    map.set('y', y)
    map.set('width', width)
    map.set('height', height)
    map.set('colour', colour)
    map.set('collapsed', input.collapsed === true)
    map.set('order', order ?? generateKeyBetween(top, null))
    clustersMap(doc).set(id, map)
    for (const note of members) note.set('clusterId', id)
  })
  return id
}

export function renameCluster(doc: Y.Doc, id: string, name: string): void {
  const map = requireCluster(doc, id)
  const checked = checkClusterName(name)
  doc.transact(() => {
    const text = map.get('name')
    // Only the changed part is replaced, so two people renaming at once do not double the name.
    if (text instanceof Y.Text) {
      applyTextDiff(text, checked)
    } else {
      map.set('name', new Y.Text(checked))
    }
  })
}

export function recolourCluster(doc: Y.Doc, id: string, colour: NoteColour): void {
  const map = requireCluster(doc, id)
  const checked = checkColour(colour)
  doc.transact(() => map.set('colour', checked))
}

export function setClusterCollapsed(doc: Y.Doc, id: string, collapsed: boolean): void {
  const map = requireCluster(doc, id)
  doc.transact(() => map.set('collapsed', collapsed === true))
}

export function resizeCluster(doc: Y.Doc, id: string, width: number, height: number): void {
  const map = requireCluster(doc, id)
  const w = checkClusterSize('width', width)
  const h = checkClusterSize('height', height)
  doc.transact(() => {
    map.set('width', w)
    map.set('height', h)
  })
}

/** Puts notes into a cluster, or takes them out of any cluster with `null`. */
export function assignToCluster(doc: Y.Doc, noteIds: readonly string[], clusterId: string | null): void {
  if (clusterId !== null) requireCluster(doc, clusterId)
  const maps = requireNotes(doc, noteIds)
  doc.transact(() => {
    for (const map of maps) {
      if (clusterId === null) map.delete('clusterId')
      else map.set('clusterId', clusterId)
    }
  })
}

/** Moves a cluster and every note in it by the same offset, in one transaction. */
export function moveCluster(doc: Y.Doc, id: string, dx: number, dy: number): void {
  const map = requireCluster(doc, id)
  checkCoordinate('dx', dx)
  checkCoordinate('dy', dy)
  const members = requireNotes(doc, clusterNoteIds(doc, id))
  const moved = [{ m: map, rules: CLUSTER_FIELDS }, ...members.map((m) => ({ m, rules: NOTE_FIELDS }))]
  const targets = moved.map(({ m, rules }) => ({
    m,
    x: checkCoordinate('x', numberField(m, rules, 'x', 0) + dx),
    y: checkCoordinate('y', numberField(m, rules, 'y', 0) + dy),
  }))
  doc.transact(() => {
    for (const { m, x, y } of targets) {
      m.set('x', x)
      m.set('y', y)
    }
  })
}

/** Moves every note of `sourceId` into `targetId` and removes the source cluster. */
export function mergeClusters(doc: Y.Doc, targetId: string, sourceId: string): void {
  requireCluster(doc, targetId)
  requireCluster(doc, sourceId)
  if (targetId === sourceId) throw new BoardError('invalid-id', 'A cluster cannot be merged into itself')
  const members = requireNotes(doc, clusterNoteIds(doc, sourceId))
  doc.transact(() => {
    for (const note of members) note.set('clusterId', targetId)
    clustersMap(doc).delete(sourceId)
  })
}

/** Deletes a cluster; its notes stay on the board, outside any cluster. */
export function deleteCluster(doc: Y.Doc, id: string): void {
  requireCluster(doc, id)
  const members = requireNotes(doc, clusterNoteIds(doc, id))
  doc.transact(() => {
    for (const note of members) note.delete('clusterId')
    clustersMap(doc).delete(id)
  })
}

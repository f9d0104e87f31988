/**
 * The cluster writes the UI performs, each through a @samla/board function and only while this
 * person may cluster (role, lock, phase and the facilitator's setting). Writes that belong together
 * (a drop that moves notes and changes their cluster, a merge and the growth it needs) run in one
 * transaction (guarded's), so collaborators see one change and undo takes it back as one.
 */
import {
  assignToCluster,
  clusterNoteIds,
  createCluster,
  DEFAULT_NOTE_SIZE,
  deleteCluster,
  listClusters,
  mergeClusters,
  moveCluster,
  moveNotes,
  type NoteColour,
  readNote,
  recolourCluster,
  renameCluster,
  resizeCluster,
  setClusterCollapsed,
} from '@samla/board'
import type * as Y from 'yjs'
import { addNoteAt, addNoteInView, guarded, moveNotesBy, type WriteOptions } from '../session/commands'
import type { BoardSession } from '../session/session'
import { screenToWorld } from '../lib/geometry'
import { toolsFor } from '../session/phaseTools'
import { clusterIndexOf } from './clusterIndex'
import { centreOf, clusterAt, clusterRect, grownToFit, HEADER_HEIGHT } from './geometry'

const NEW_CLUSTER = { width: 400, height: 300 }
const MAX_CLUSTER_SIZE = 20_000

export function mayCluster(session: BoardSession): boolean {
  return toolsFor(session.role, session.control.getControl()).cluster
}

function clusterWrite<T>(session: BoardSession, write: () => T, options?: WriteOptions): T | undefined {
  return mayCluster(session) ? guarded(session, write, options) : undefined
}

/**
 * Grows a cluster to hold all its notes (moving its edge, not its notes). Reads the doc itself, not
 * the index or the reader: inside a transaction those still show the state before it.
 */
function growToFit(doc: Y.Doc, id: string): void {
  const cluster = listClusters(doc).find((c) => c.id === id)
  if (!cluster) return
  const memberIds = clusterNoteIds(doc, id)
  const grown = grownToFit(
    cluster,
    memberIds.flatMap((noteId) => readNote(doc, noteId) ?? []),
  )
  if (!grown || grown.width > MAX_CLUSTER_SIZE || grown.height > MAX_CLUSTER_SIZE) return
  const dx = grown.x - cluster.x
  const dy = grown.y - cluster.y
  doc.transact(() => {
    if (dx !== 0 || dy !== 0) {
      // moveCluster takes the notes along; moving them back leaves only the cluster's edge moved.
      moveCluster(doc, id, dx, dy)
      moveNotes(doc, memberIds, -dx, -dy)
    }
    resizeCluster(doc, id, grown.width, grown.height)
  })
}

function afterCreate(session: BoardSession, id: string | undefined): string | undefined {
  if (id) session.facilitationUi.getState().requestNameFocus(id)
  return id
}

/** An empty cluster in the middle of the view. */
export function addClusterInView(session: BoardSession, name: string): string | undefined {
  const { viewport, size } = session.ui.getState()
  const centre = screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 })
  const x = Math.round(centre.x - NEW_CLUSTER.width / 2)
  const y = Math.round(centre.y - NEW_CLUSTER.height / 2)
  return afterCreate(
    session,
    clusterWrite(session, () => createCluster(session.doc, { name, x, y, ...NEW_CLUSTER })),
  )
}

/** The selected notes on the board (not private drafts), grouped into a new cluster around them. */
export function groupSelection(session: BoardSession, name: string): string | undefined {
  const noteIds = session.ui.getState().selection.filter((id) => session.reader.getNote(id))
  if (noteIds.length === 0) return undefined
  return afterCreate(
    session,
    clusterWrite(session, () => createCluster(session.doc, { name, noteIds })),
  )
}

/** True when the rename was written; renameCluster returns nothing, so success is marked explicitly. */
export function renameClusterTo(session: BoardSession, id: string, name: string): boolean {
  return (
    clusterWrite(
      session,
      () => {
        renameCluster(session.doc, id, name)
        return true
      },
      // Typing a name key by key is one undo step, as typing in a note is.
      { continues: `cluster-name:${id}` },
    ) === true
  )
}

export function recolourClusterTo(session: BoardSession, id: string, colour: NoteColour): void {
  clusterWrite(session, () => recolourCluster(session.doc, id, colour))
}

export function setCollapsed(session: BoardSession, id: string, collapsed: boolean): void {
  clusterWrite(session, () => setClusterCollapsed(session.doc, id, collapsed))
}

export function removeCluster(session: BoardSession, id: string): void {
  clusterWrite(session, () => deleteCluster(session.doc, id))
}

export function mergeInto(session: BoardSession, targetId: string, sourceId: string): void {
  clusterWrite(session, () => {
    mergeClusters(session.doc, targetId, sourceId)
    growToFit(session.doc, targetId)
  })
}

export function moveClusterBy(session: BoardSession, id: string, dx: number, dy: number): void {
  if (dx !== 0 || dy !== 0) clusterWrite(session, () => moveCluster(session.doc, id, dx, dy))
}

/**
 * Ends a drag of notes: moves them, and for whoever may cluster, puts each note into the cluster its
 * centre landed in (or takes it out of its cluster), in the same transaction.
 */
export function dropNotes(session: BoardSession, ids: readonly string[], dx: number, dy: number): void {
  if (!mayCluster(session)) {
    moveNotesBy(session, ids, dx, dy)
    return
  }
  const { clusters, members } = clusterIndexOf(session.doc).get()
  const changes = new Map<string | null, string[]>()
  for (const id of ids) {
    const note = session.reader.getNote(id)
    if (!note) continue
    const target = clusterAt(clusters, centreOf({ ...note, x: note.x + dx, y: note.y + dy }))
    const current = note.clusterId !== null && members.has(note.clusterId) ? note.clusterId : null
    if (target !== current) changes.set(target, [...(changes.get(target) ?? []), id])
  }
  if (changes.size === 0) {
    moveNotesBy(session, ids, dx, dy)
    return
  }
  // guarded runs it all in one transaction: collaborators (and undo) see one change.
  guarded(session, () => {
    if (dx !== 0 || dy !== 0) moveNotes(session.doc, ids, dx, dy)
    for (const [target, noteIds] of changes) assignToCluster(session.doc, noteIds, target)
    for (const target of changes.keys()) if (target !== null) growToFit(session.doc, target)
  })
}

const SLOT_GAP = 16
const INSET = 24

/** Where the `index`-th note placed into a cluster goes: row by row under its header, the cluster grows to fit. */
function slotIn(cluster: { x: number; y: number; width: number }, index: number): { x: number; y: number } {
  const step = DEFAULT_NOTE_SIZE + SLOT_GAP
  const columns = Math.max(1, Math.floor((cluster.width - INSET) / step))
  return {
    x: cluster.x + INSET + (index % columns) * step,
    y: cluster.y + HEADER_HEIGHT + INSET + Math.floor(index / columns) * step,
  }
}

/**
 * Puts notes into a cluster (or, with null, out of theirs) without a drag — the outline's "Move to
 * group". The notes are also placed inside the cluster (or just beside the one they leave), so the
 * canvas shows what the data says; one transaction, like a drop.
 */
export function moveNotesToCluster(session: BoardSession, ids: readonly string[], target: string | null): void {
  const { clusters, members } = clusterIndexOf(session.doc).get()
  const cluster = clusters.find((c) => c.id === target)
  if (target !== null && !cluster) return
  clusterWrite(session, () => {
    const taken = cluster ? (members.get(cluster.id) ?? []).length : 0
    ids.forEach((id, i) => {
      const note = readNote(session.doc, id)
      if (!note || note.clusterId === target) return
      const left = clusters.find((c) => c.id === note.clusterId)
      const spot = cluster
        ? slotIn(cluster, taken + i)
        : left
          ? { x: left.x + clusterRect(left).width + INSET, y: note.y }
          : note
      moveNotes(session.doc, [id], spot.x - note.x, spot.y - note.y)
    })
    assignToCluster(session.doc, ids, target)
    if (target !== null) growToFit(session.doc, target)
  })
}

/** A new note in a cluster (when this person may cluster), or in the middle of the view. */
export function addNoteInCluster(session: BoardSession, clusterId: string | null): string | undefined {
  const cluster = clusterIndexOf(session.doc)
    .get()
    .clusters.find((c) => c.id === clusterId)
  if (!cluster || !mayCluster(session)) return addNoteInView(session)
  const spot = slotIn(cluster, (clusterIndexOf(session.doc).get().members.get(cluster.id) ?? []).length)
  const half = DEFAULT_NOTE_SIZE / 2
  const id = addNoteAt(session, { x: spot.x + half, y: spot.y + half })
  // A private draft (silent brainstorm) is not on the board yet, so it joins no cluster.
  if (id && session.reader.getNote(id)) moveNotesToCluster(session, [id], cluster.id)
  return id
}

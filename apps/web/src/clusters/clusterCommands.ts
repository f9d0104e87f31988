/**
 * The cluster writes the UI performs, each through a @samla/board function and only while this
 * person may cluster (role, lock, phase and the facilitator's setting). Groups behave like frames:
 * after each write the model lays the groups it touched out again (their notes in a grid, the frame
 * fitted, neighbours moved aside). Writes that belong together run in one transaction (guarded's),
 * so collaborators see one change and undo takes it back as one.
 */
import {
  arrangeClusters,
  assignToCluster,
  createCluster,
  deleteCluster,
  EMPTY_FRAME,
  mergeClusters,
  moveCluster,
  moveNotes,
  type NoteColour,
  recolourCluster,
  renameCluster,
  setClusterCollapsed,
  settleNotes,
  type TidyScope,
  tidyUp,
} from '@samla/board'
import { addNoteAt, addNoteInView, guarded, type WriteOptions } from '../session/commands'
import type { BoardSession } from '../session/session'
import { screenToWorld } from '../lib/geometry'
import { toolsFor } from '../session/phaseTools'
import { clusterIndexOf } from './clusterIndex'
import { centreOf, clusterRect } from './geometry'

export function mayCluster(session: BoardSession): boolean {
  return toolsFor(session.role, session.control.getControl()).cluster
}

function clusterWrite<T>(session: BoardSession, write: () => T, options?: WriteOptions): T | undefined {
  return mayCluster(session) ? guarded(session, write, options) : undefined
}

function afterCreate(session: BoardSession, id: string | undefined): string | undefined {
  if (id) session.facilitationUi.getState().requestNameFocus(id)
  return id
}

/** An empty cluster in the middle of the view, or in the free space nearest it. */
export function addClusterInView(session: BoardSession, name: string): string | undefined {
  const { viewport, size } = session.ui.getState()
  const centre = screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 })
  const x = Math.round(centre.x - EMPTY_FRAME.width / 2)
  const y = Math.round(centre.y - EMPTY_FRAME.height / 2)
  return afterCreate(
    session,
    clusterWrite(session, () => {
      const id = createCluster(session.doc, { name, x, y, ...EMPTY_FRAME })
      arrangeClusters(session.doc, [id], 'place')
      return id
    }),
  )
}

/**
 * The selected notes on the board (not private drafts), gathered into a new cluster: laid out in
 * its grid where they were, the group moved into free space if it would cover anything.
 */
export function groupSelection(session: BoardSession, name: string): string | undefined {
  const noteIds = session.ui.getState().selection.filter((id) => session.reader.getNote(id))
  if (noteIds.length === 0) return undefined
  return afterCreate(
    session,
    clusterWrite(session, () => {
      const id = createCluster(session.doc, { name, noteIds })
      arrangeClusters(session.doc, [id], 'place')
      return id
    }),
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
  clusterWrite(session, () => {
    setClusterCollapsed(session.doc, id, collapsed)
    // Opened again, its frame may cover what was put beside the card meanwhile.
    if (!collapsed) arrangeClusters(session.doc, [id], 'push')
  })
}

export function removeCluster(session: BoardSession, id: string): void {
  clusterWrite(session, () => deleteCluster(session.doc, id))
}

export function mergeInto(session: BoardSession, targetId: string, sourceId: string): void {
  clusterWrite(session, () => {
    mergeClusters(session.doc, targetId, sourceId)
    arrangeClusters(session.doc, [targetId], 'push')
  })
}

/** Moves a cluster with its notes; the groups it now covers move aside, loose notes out from under it. */
export function moveClusterBy(session: BoardSession, id: string, dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return
  clusterWrite(session, () => {
    moveCluster(session.doc, id, dx, dy)
    arrangeClusters(session.doc, [id], 'push')
  })
}

/**
 * Ends a drag of notes, in one transaction: moves them and, for whoever may cluster, puts each
 * note into the group whose frame its centre landed in (or out of its group). For someone who may
 * not, a group's note goes back into its grid and a loose one out from under any frame.
 */
export function dropNotes(session: BoardSession, ids: readonly string[], dx: number, dy: number): void {
  const present = ids.filter((id) => session.reader.getNote(id))
  if (present.length === 0) return
  guarded(session, () => {
    if (dx !== 0 || dy !== 0) moveNotes(session.doc, present, dx, dy)
    settleNotes(session.doc, present, { join: mayCluster(session) })
  })
}

/**
 * Puts notes into a cluster (or, with null, out of theirs) without a drag — the outline's "Move to
 * group". The groups they join and leave are laid out again, and notes taken out of a group move out
 * from under its frame, so the canvas shows what the data says; one transaction, like a drop.
 */
export function moveNotesToCluster(session: BoardSession, ids: readonly string[], target: string | null): void {
  const { clusters } = clusterIndexOf(session.doc).get()
  if (target !== null && !clusters.some((c) => c.id === target)) return
  const left = ids.flatMap((id) => session.reader.getNote(id)?.clusterId ?? [])
  clusterWrite(session, () => {
    assignToCluster(session.doc, ids, target)
    const touched = [...new Set([...(target ? [target] : []), ...left])]
    arrangeClusters(session.doc, touched, 'push')
  })
}

/** A new note in a cluster (when this person may cluster), or in the middle of the view. */
export function addNoteInCluster(session: BoardSession, clusterId: string | null): string | undefined {
  const cluster = clusterIndexOf(session.doc)
    .get()
    .clusters.find((c) => c.id === clusterId)
  if (!cluster || !mayCluster(session)) return addNoteInView(session)
  // Made inside the group's frame, the note joins the group (session/commands.addNoteAt).
  return addNoteAt(session, centreOf(clusterRect(cluster)))
}

/** "Tidy up": the selection (with the groups it is in), one group, or the whole board; one undo step. */
export function tidy(session: BoardSession, scope: TidyScope): void {
  clusterWrite(session, () => tidyUp(session.doc, scope))
}

/** "Tidy up" as the toolbar and its key do it: the selected notes when there are any, else the whole board. */
export function tidySelectionOrBoard(session: BoardSession): void {
  const noteIds = session.ui.getState().selection.filter((id) => session.reader.getNote(id))
  tidy(session, noteIds.length > 0 ? { noteIds } : 'board')
}

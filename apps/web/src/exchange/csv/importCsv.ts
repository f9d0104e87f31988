/**
 * The CSV import itself, once the wizard's checks pass: place the notes, rehearse the write, ask
 * the relay for a 'before-import' snapshot (so the import can be undone from the history), then
 * write everything in one transaction and bring the new notes into view.
 */
import { listClusters, listNotes, type PlannedNote } from '@samla/board'
import { takeSnapshot } from '../../api/exchange'
import { boundsOf, fitViewport, screenToWorld } from '../../lib/geometry'
import { noteAuthor } from '../../session/author'
import type { BoardSession } from '../../session/session'
import type { ImportTarget } from './csvCheck'
import { importedArea, type Placement, placeInCluster, placeLoose, placeNewCluster } from './placement'
import { MAX_IMPORT_BYTES, rehearseImport, writeImport } from './writeImport'

export type ImportStep = 'snapshot' | 'writing'

export class ImportTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`The import would send ${bytes} bytes at once`)
    this.name = 'ImportTooLarge'
  }
}

const FIT_PADDING = 48

function placementFor(session: BoardSession, count: number, target: ImportTarget): Placement {
  const clusters = listClusters(session.doc)
  if (target.kind === 'existing') {
    const cluster = clusters.find((candidate) => candidate.id === target.clusterId)
    const members = listNotes(session.doc).filter((note) => note.clusterId === target.clusterId)
    if (cluster) return placeInCluster(count, cluster, members)
  }
  const { viewport, size } = session.ui.getState()
  const space = {
    bounds: boundsOf([...clusters, ...session.reader.getLayout()]),
    viewCentre: screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 }),
  }
  return target.kind === 'new' ? placeNewCluster(count, target.name, space) : placeLoose(count, space)
}

export async function importCsvNotes(
  session: BoardSession,
  notes: readonly PlannedNote[],
  target: ImportTarget,
  onStep: (step: ImportStep) => void,
): Promise<void> {
  const placement = placementFor(session, notes.length, target)
  // The same rule as a note added by hand: no author in anonymous mode.
  const author = noteAuthor(session)
  const cluster =
    placement.kind === 'existing' ? listClusters(session.doc).find((c) => c.id === placement.clusterId) : undefined
  const bytes = rehearseImport(notes, placement, cluster, author)
  if (bytes > MAX_IMPORT_BYTES) throw new ImportTooLarge(bytes)
  onStep('snapshot')
  await takeSnapshot(session.boardId, session.token, 'before-import')
  onStep('writing')
  writeImport(session.doc, notes, placement, author)
  const ui = session.ui.getState()
  ui.setViewport(fitViewport(importedArea(placement, notes.length), ui.size, FIT_PADDING))
}

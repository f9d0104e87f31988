/**
 * Erasure of a merged board's source (issue #21): when a source board is deleted, its copies may be
 * removed from the boards merged from it — its notes (by their origin), the copies of its groups and
 * its region — and either way the merged board's facilitator is told, by a notice in the board's
 * meta. Only the facilitator and the relay write meta (update-check.ts refuses it to participants),
 * so a participant can neither forge nor clear a notice.
 */
import type * as Y from 'yjs'
import { MAX_TITLE_LENGTH } from '../model/limits.js'
import { listNotes } from '../model/note.js'
import { clustersMap, metaMap, notesMap, regionsMap } from '../model/schema.js'
import { mergedGroupId, mergedRegionId } from './merge.js'

/** What the merged board's facilitator is told about one deleted source. */
export interface SourceErasure {
  readonly boardTitle: string
  /** When the source was deleted (ms epoch); with the title, it tells notices apart. */
  readonly at: number
  /** How many copies of its notes the merged board held. */
  readonly copies: number
  /** Whether they were removed (else they were kept). */
  readonly removed: boolean
}

/** The meta key of the notices. */
const ERASURES_KEY = 'sourceErasures'
/** The newest notices kept; older ones fall away so a much-merged board's meta stays small. */
const MAX_ERASURES = 20

function isSourceErasure(value: unknown): value is SourceErasure {
  if (typeof value !== 'object' || value === null) return false
  const { boardTitle, at, copies, removed } = value as Record<string, unknown>
  return (
    typeof boardTitle === 'string' &&
    boardTitle.length <= MAX_TITLE_LENGTH &&
    typeof at === 'number' &&
    Number.isFinite(at) &&
    typeof copies === 'number' &&
    Number.isInteger(copies) &&
    copies >= 0 &&
    typeof removed === 'boolean'
  )
}

/** The board's notices of deleted sources, oldest first; anything malformed is skipped. */
export function readSourceErasures(doc: Y.Doc): SourceErasure[] {
  const stored = metaMap(doc).get(ERASURES_KEY)
  return Array.isArray(stored) ? stored.filter(isSourceErasure) : []
}

function writeSourceErasures(doc: Y.Doc, erasures: readonly SourceErasure[]): void {
  if (erasures.length === 0) metaMap(doc).delete(ERASURES_KEY)
  else metaMap(doc).set(ERASURES_KEY, erasures.slice(-MAX_ERASURES))
}

/** The ids of the notes copied from a source board. */
function copiedNoteIds(doc: Y.Doc, sourceBoardId: string): string[] {
  return listNotes(doc)
    .filter((note) => note.origin?.boardId === sourceBoardId)
    .map((note) => note.id)
}

/**
 * Tells the board's facilitator that a source was deleted, first removing its copies when `remove`:
 * its notes, the copies of `sourceGroupIds` (the source's groups) and its region. One transaction.
 */
export function eraseSource(
  doc: Y.Doc,
  source: { readonly boardId: string; readonly title: string; readonly groupIds: readonly string[] },
  options: { readonly remove: boolean; readonly now: number },
): SourceErasure {
  const noteIds = copiedNoteIds(doc, source.boardId)
  const erasure: SourceErasure = {
    boardTitle: source.title.slice(0, MAX_TITLE_LENGTH),
    at: options.now,
    copies: noteIds.length,
    removed: options.remove,
  }
  doc.transact(() => {
    if (options.remove) {
      const notes = notesMap(doc)
      for (const id of noteIds) notes.delete(id)
      const groups = clustersMap(doc)
      for (const groupId of source.groupIds) groups.delete(mergedGroupId(source.boardId, groupId))
      regionsMap(doc).delete(mergedRegionId(source.boardId))
    }
    writeSourceErasures(doc, [...readSourceErasures(doc), erasure])
  })
  return erasure
}

/** Calls `onChange` whenever the notices change (anyone's change, the relay's too); returns the unsubscribe. */
export function watchSourceErasures(doc: Y.Doc, onChange: () => void): () => void {
  const meta = metaMap(doc)
  const observer = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(ERASURES_KEY)) onChange()
  }
  meta.observe(observer)
  return () => meta.unobserve(observer)
}

/** The facilitator has read a notice: it goes, for every facilitator of the board. */
export function dismissSourceErasure(doc: Y.Doc, erasure: SourceErasure): void {
  const same = (other: SourceErasure) => other.at === erasure.at && other.boardTitle === erasure.boardTitle
  doc.transact(() =>
    writeSourceErasures(
      doc,
      readSourceErasures(doc).filter((other) => !same(other)),
    ),
  )
}

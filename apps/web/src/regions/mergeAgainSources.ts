/**
 * What "merge again" sends (issue #21): one source per region of the merged board, opened with the
 * facilitator link this device holds for it, or else with the one the facilitator pastes. A pasted
 * link must be that very board's facilitator link; anything else is explained before sending.
 */
import type { NoteSnapshot, RegionSnapshot } from '@samla/board'
import { type LinkProblem, type MergeableBoard, type MergeSource, parseBoardLink } from '../access/mergeSources'

/** One source board of the merged board, as the dialog lists it. */
export interface SourceRow {
  readonly boardId: string
  readonly title: string
  /** The facilitator link's token this device holds for the board; null when it must be pasted. */
  readonly heldToken: string | null
}

/** One row per source board, in the regions' order, with the facilitator link this device holds for it. */
export function sourceRows(
  regions: readonly Pick<RegionSnapshot, 'sourceBoardId' | 'title'>[],
  held: readonly MergeableBoard[],
): SourceRow[] {
  const rows: SourceRow[] = []
  for (const region of regions) {
    if (rows.some((row) => row.boardId === region.sourceBoardId)) continue
    const token = held.find((board) => board.id === region.sourceBoardId)?.token ?? null
    rows.push({ boardId: region.sourceBoardId, title: region.title, heldToken: token })
  }
  return rows
}

/** Why a row's pasted link cannot be sent: nothing pasted, a link to another board, or the link's own problem. */
export type RowProblem = LinkProblem | 'empty' | 'other-board'

export type RowSource =
  | { readonly ok: true; readonly source: MergeSource }
  | { readonly ok: false; readonly problem: RowProblem }

/**
 * The source a row sends: its held link, unless `pasteInstead` (the relay refused the held one), or
 * the pasted one. `place` (from 1) names a row without a title, as the relay's refusals count them.
 */
export function rowSource(row: SourceRow, pasted: string, place: number, pasteInstead = false): RowSource {
  const label = row.title.trim() ? { kind: 'title' as const, title: row.title } : { kind: 'place' as const, place }
  if (row.heldToken && !pasteInstead) {
    return { ok: true, source: { id: row.boardId, token: row.heldToken, label, pasted: false } }
  }
  if (!pasted.trim()) return { ok: false, problem: 'empty' }
  const link = parseBoardLink(pasted)
  if (!link.ok) return { ok: false, problem: link.problem }
  if (link.id !== row.boardId) return { ok: false, problem: 'other-board' }
  return { ok: true, source: { id: row.boardId, token: link.token, label, pasted: true } }
}

/**
 * Whether merging again should leave the authors' names out, as the first merge did: the board's
 * copies carry no name at all. (A board whose sources had no names either loses nothing by it.)
 */
export function namesLeftOut(notes: readonly Pick<NoteSnapshot, 'origin' | 'authorName'>[]): boolean {
  return !notes.some((note) => note.origin && note.authorName !== '')
}

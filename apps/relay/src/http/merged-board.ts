/**
 * A board made from several boards (issue #21): `POST /api/boards` with
 * `{"title", "merge": [{"id", "token"}, …], "keepAuthorNames"?}` makes a new one, and
 * `POST /api/boards/<id>/merge` with the same list merges again into it (a refresh: what is new is
 * added, copies nobody edited are updated, nothing is duplicated). Every source must be opened with
 * its facilitator link; a refusal names the source (its place in the list and its id), so the
 * facilitator knows which link to fix. The sources are read as they stand (live if loaded), each
 * gets a history snapshot, and are not changed; @samla/board's mergeBoards does the copying.
 */
import {
  initBoard,
  MAX_MERGE_SOURCES,
  MergeError,
  type MergeReport,
  type MergeSource,
  mergeBoards,
  readControl,
} from '@samla/board'
import type { ApiError } from '@samla/protocol'
import * as Y from 'yjs'
import { authorise } from '../access/authorise.js'
import { isBoardId } from '../access/board-ids.js'
import type { HistoryReason, Storage } from '../storage/storage.js'
import { HttpError } from './http-basics.js'

export interface MergeDeps {
  storage: Storage
  secret: Buffer
  currentState: (boardId: string, kind: 'board' | 'control') => Promise<Uint8Array>
  takeSnapshot: (boardId: string, reason: HistoryReason) => Promise<number>
  limits: { maxNotes: number; maxGroups: number }
  /** Runs a change on a board's live doc, stored and sent to everyone like anyone's. */
  changeBoard: <T>(boardId: string, change: (doc: Y.Doc) => T) => Promise<T>
}

type MergeBody = { merge: unknown; title?: unknown; keepAuthorNames?: unknown }

interface SourceLink {
  id: string
  token: string
}

/** Twenty sources' ids and tokens with room to spare; a creation body past it is an import. */
const MAX_MERGE_BODY_BYTES = 64 * 1024

/** A creation body small enough to be a merge request, parsed; anything else (an import, bad JSON) is left to the import builder. */
export function mergeRequestIn(body: Buffer): unknown {
  if (body.length > MAX_MERGE_BODY_BYTES) return null
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return null
  }
}

/** Whether a parsed creation body asks for a merge. */
export function asksForMerge(body: unknown): body is { merge: unknown } {
  return typeof body === 'object' && body !== null && 'merge' in body
}

function refuse(status: number, code: ApiError, message: string): never {
  throw new HttpError(status, code, message)
}

function sourceLinks(merge: unknown, fewest: number): SourceLink[] {
  if (!Array.isArray(merge) || merge.length < fewest) {
    refuse(400, 'invalid-merge', `merge must list at least ${fewest === 1 ? 'one board' : `${fewest} boards`}`)
  }
  if (merge.length > MAX_MERGE_SOURCES) {
    refuse(400, 'invalid-merge', `At most ${MAX_MERGE_SOURCES} boards can be merged into one`)
  }
  const seen = new Set<string>()
  return merge.map((entry: unknown, index) => {
    const { id, token } = (entry ?? {}) as { id?: unknown; token?: unknown }
    const name = `Source ${index + 1}`
    if (typeof id !== 'string' || !isBoardId(id)) refuse(400, 'invalid-merge', `${name}: that is not a valid board id`)
    if (typeof token !== 'string') refuse(400, 'invalid-merge', `${name} (${id}): a facilitator link's token is needed`)
    if (seen.has(id)) refuse(400, 'invalid-merge', `${name} (${id}): this board is listed twice`)
    seen.add(id)
    return { id, token }
  })
}

/** Reads the sources named in `merge`, each opened with its facilitator link, as they stand now. */
async function readSources(deps: MergeDeps, merge: unknown, fewest: number): Promise<MergeSource[]> {
  const links = sourceLinks(merge, fewest)
  const boards = []
  for (const [index, link] of links.entries()) {
    const name = `Source ${index + 1} (${link.id})`
    const access = await authorise(deps.storage, deps.secret, link.id, link.token)
    if (!access.ok) {
      const code = access.status === 404 ? 'merge-source-not-found' : 'merge-source-refused'
      refuse(access.status, code, `${name}: ${access.message}`)
    }
    if (access.role !== 'facilitator') refuse(403, 'merge-source-refused', `${name}: this is not a facilitator link`)
    boards.push(access.board)
  }
  return Promise.all(
    boards.map(async (board) => {
      const [state, control] = await Promise.all([
        deps.currentState(board.id, 'board'),
        deps.currentState(board.id, 'control'),
      ])
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const controlDoc = new Y.Doc()
      Y.applyUpdate(controlDoc, control)
      const { anonymous } = readControl(controlDoc)
      controlDoc.destroy()
      return { boardId: board.id, title: board.title, anonymous, doc }
    }),
  )
}

/** Runs the merge, answering its refusals as the API's. */
function merge(deps: MergeDeps, target: Y.Doc, sources: MergeSource[], body: MergeBody): MergeReport {
  try {
    return mergeBoards(target, sources, { keepAuthorNames: body.keepAuthorNames !== false, limits: deps.limits })
  } catch (error) {
    if (!(error instanceof MergeError)) throw error
    if (error.code === 'merge-over-limit') refuse(413, 'import-too-large', error.message)
    refuse(error.code === 'merge-no-room' ? 409 : 400, 'invalid-merge', error.message)
  }
}

/** Builds the merged board's first state; throws an HttpError for anything the request got wrong. */
export async function buildMergedBoard(
  deps: MergeDeps,
  body: MergeBody,
  now: number,
): Promise<{ title: string; state: Uint8Array; sourceIds: string[] }> {
  const sources = await readSources(deps, body.merge, 2)
  try {
    for (const source of sources) await deps.takeSnapshot(source.boardId, 'before-merge')
    const title =
      typeof body.title === 'string' && body.title.trim() !== '' ? body.title : (sources[0]?.title ?? 'Samla')
    const merged = new Y.Doc()
    initBoard(merged, { title, now })
    merge(deps, merged, sources, body)
    const state = Y.encodeStateAsUpdate(merged)
    merged.destroy()
    return { title, state, sourceIds: sources.map((source) => source.boardId) }
  } finally {
    for (const source of sources) source.doc.destroy()
  }
}

/** Merges the sources again into a board made from them, live; a snapshot of it is kept first. */
export async function refreshMergedBoard(deps: MergeDeps, boardId: string, body: MergeBody): Promise<MergeReport> {
  const sources = await readSources(deps, body.merge, 1)
  try {
    if (sources.some((source) => source.boardId === boardId)) {
      refuse(400, 'invalid-merge', 'A board cannot be merged into itself')
    }
    for (const source of sources) await deps.takeSnapshot(source.boardId, 'before-merge')
    await deps.takeSnapshot(boardId, 'before-merge')
    const report = await deps.changeBoard(boardId, (doc) => merge(deps, doc, sources, body))
    // A source added on a refresh holds copies here from now on (merged-copies.ts erases them).
    await deps.storage.recordMergeSources(
      boardId,
      sources.map((source) => source.boardId),
    )
    return report
  } finally {
    for (const source of sources) source.doc.destroy()
  }
}

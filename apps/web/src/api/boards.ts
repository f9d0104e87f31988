/**
 * The relay's HTTP API for boards: create one (getting its three links), look one up with a link's
 * token (learning the role it grants), merge its sources again into a merged one, and erase one.
 * Responses are checked, never trusted.
 */
import { type BoardLinks, isRole, parseBoardLinks, type Role } from '@samla/protocol'
import { type AccessProblem, accessProblem, bearer, boardUrl } from './http'
import { readRelayError } from './transfer'

export interface BoardInfo {
  readonly id: string
  readonly title: string
  readonly createdAt: number
}

export interface CreatedBoard {
  readonly board: BoardInfo
  readonly links: BoardLinks
}

export type BoardLookup =
  | {
      readonly kind: 'found'
      readonly board: BoardInfo
      readonly role: Role
      /** Days without changes after which the relay erases the board; null when it keeps boards. */
      readonly retentionDays: number | null
      /** How many merged boards hold copies of the board's notes (told to its facilitator only, else 0). */
      readonly mergedInto: number
    }
  | { readonly kind: 'refused'; readonly problem: AccessProblem }
  | { readonly kind: 'unreachable' }

/** Long enough for a slow relay, short enough that an offline reload still opens the local copy quickly. */
const LOOKUP_TIMEOUT_MS = 5000

export function parseBoardInfo(value: unknown): BoardInfo | null {
  if (value === null || typeof value !== 'object') return null
  const { id, title, createdAt } = value as Record<string, unknown>
  if (typeof id !== 'string' || id === '' || typeof title !== 'string') return null
  const created = typeof createdAt === 'number' ? createdAt : typeof createdAt === 'string' ? Date.parse(createdAt) : 0
  return { id, title, createdAt: Number.isFinite(created) ? created : 0 }
}

export function parseCreatedBoard(value: unknown): CreatedBoard | null {
  const board = parseBoardInfo(value)
  const links = parseBoardLinks((value as { links?: unknown } | null)?.links)
  return board && links ? { board, links } : null
}

/** What a new board starts from besides its title: a template, laid out in this language, or other boards. */
export interface NewBoardOptions {
  readonly template?: string
  readonly language?: 'sv' | 'en'
  /** A board made from these boards, each opened with its facilitator link (the relay's merge). */
  readonly merge?: readonly { readonly id: string; readonly token: string }[]
  /** With `merge`: false leaves the authors' names out of the copied notes. */
  readonly keepAuthorNames?: boolean
}

/** Creates a board; a refusal throws the relay's RelayError (a creation key asked for, the storage full…). */
export async function createBoard(
  title: string,
  options: NewBoardOptions = {},
  creationKey?: string,
): Promise<CreatedBoard> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(creationKey && { authorization: `Bearer ${creationKey}` }) },
    body: JSON.stringify({ title, ...options }),
  })
  if (!response.ok) throw await readRelayError(response.status, response)
  const created = parseCreatedBoard(await response.json())
  if (!created) throw new Error('The relay answered with a malformed board')
  return created
}

/** What merging again changed on a merged board, as the relay counts it (`POST /api/boards/<id>/merge`). */
export interface MergeAgainReport {
  /** Notes new in a source, copied now. */
  readonly added: number
  /** Copies nobody edited here that took their source's new text or colour. */
  readonly updated: number
  /** Copies edited here since they were copied: left as they are. */
  readonly skippedEdited: number
  /** Copies deleted here since the last merge: not brought back. */
  readonly skippedDeleted: number
}

export function parseMergeAgainReport(value: unknown): MergeAgainReport | null {
  const { added, updated, skippedEdited, skippedDeleted } = (value ?? {}) as Record<string, unknown>
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null)
  const report = {
    added: count(added),
    updated: count(updated),
    skippedEdited: count(skippedEdited),
    skippedDeleted: count(skippedDeleted),
  }
  return Object.values(report).includes(null) ? null : (report as MergeAgainReport)
}

/**
 * Merges the sources again into the merged board `boardId` (its facilitator's token), each opened with
 * its facilitator link; a refusal throws the relay's RelayError, naming the source it is about.
 */
export async function mergeAgain(
  boardId: string,
  token: string,
  merge: readonly { readonly id: string; readonly token: string }[],
  keepAuthorNames: boolean,
): Promise<MergeAgainReport> {
  const response = await fetch(boardUrl(boardId, 'merge'), {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ merge, keepAuthorNames }),
  })
  if (!response.ok) throw await readRelayError(response.status, response)
  const report = parseMergeAgainReport(await response.json())
  if (!report) throw new Error('The relay answered with a malformed merge report')
  return report
}

/**
 * Any answer other than a clear refusal counts as "unreachable": the board may still be in this
 * browser's local copy, so only a relay that says no may turn us away.
 */
export async function lookupBoard(id: string, token: string, signal: AbortSignal): Promise<BoardLookup> {
  try {
    const response = await fetch(boardUrl(id), {
      signal: AbortSignal.any([signal, AbortSignal.timeout(LOOKUP_TIMEOUT_MS)]),
      headers: bearer(token),
    })
    const problem = await accessProblem(response)
    if (problem) return { kind: 'refused', problem }
    if (!response.ok) return { kind: 'unreachable' }
    const body: unknown = await response.json()
    const board = parseBoardInfo(body)
    const { role, retentionDays, mergedInto } = body as {
      role?: unknown
      retentionDays?: unknown
      mergedInto?: unknown
    }
    if (!board || !isRole(role)) return { kind: 'unreachable' }
    const retention = typeof retentionDays === 'number' && retentionDays > 0 ? retentionDays : null
    const copies = typeof mergedInto === 'number' && Number.isInteger(mergedInto) && mergedInto > 0 ? mergedInto : 0
    return { kind: 'found', board, role, retentionDays: retention, mergedInto: copies }
  } catch (error) {
    if (signal.aborted) throw error
    return { kind: 'unreachable' }
  }
}

/**
 * Erases the board on the relay; with `removeCopies`, its copies in the boards merged from it go first
 * (their facilitators are told either way). A board that is already gone counts as erased.
 */
export async function deleteBoard(id: string, token: string, { removeCopies = false } = {}): Promise<void> {
  const url = removeCopies ? `${boardUrl(id)}?copies=remove` : boardUrl(id)
  const response = await fetch(url, { method: 'DELETE', headers: bearer(token) })
  if (response.ok || response.status === 404) return
  throw new Error(`Deleting the board failed with HTTP ${response.status}`)
}

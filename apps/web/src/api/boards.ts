/**
 * The relay's HTTP API for boards: create one (getting its three links), look one up with a link's
 * token (learning the role it grants), and erase one. Responses are checked, never trusted.
 */
import { isRole, type Role } from '@samla/protocol'
import { type AccessProblem, accessProblem, bearer, boardUrl } from './http'
import { type BoardLinks, parseBoardLinks } from '@samla/protocol'
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
    const { role, retentionDays } = body as { role?: unknown; retentionDays?: unknown }
    if (!board || !isRole(role)) return { kind: 'unreachable' }
    const retention = typeof retentionDays === 'number' && retentionDays > 0 ? retentionDays : null
    return { kind: 'found', board, role, retentionDays: retention }
  } catch (error) {
    if (signal.aborted) throw error
    return { kind: 'unreachable' }
  }
}

/** Erases the board on the relay. A board that is already gone counts as erased. */
export async function deleteBoard(id: string, token: string): Promise<void> {
  const response = await fetch(boardUrl(id), { method: 'DELETE', headers: bearer(token) })
  if (response.ok || response.status === 404) return
  throw new Error(`Deleting the board failed with HTTP ${response.status}`)
}

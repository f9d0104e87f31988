/**
 * The boards a merge is made from (issue #21): the recent boards this device holds the facilitator
 * link of, and facilitator links pasted one a line. A token says whose board it opens and in which
 * role (`v1.<boardId>.<role>.<generation>.<mac>`), so a participant's or viewer's link is turned
 * away here, in plain words, before anything is sent. The relay still checks every token.
 */
import { isBoardId } from '@samla/board'
import { isRole, type Role } from '@samla/protocol'
import type { RecentBoard } from '../lib/recentBoards'
import { tokenFromHash } from './boardLink'

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{22})\/?$/
const JOIN_PATH = /^\/j\/[^/]+\/?$/

export interface TokenInfo {
  readonly boardId: string
  readonly role: Role
}

/** The board and role a token names, or null for anything that is not a token of this form. */
export function readToken(token: string): TokenInfo | null {
  const [version, boardId, role, generation, mac, ...rest] = token.split('.')
  if (version !== 'v1' || rest.length > 0 || !isBoardId(boardId) || !isRole(role)) return null
  if (!generation || !/^\d+$/.test(generation) || !mac) return null
  return { boardId, role }
}

export type LinkProblem =
  /** Neither a board link nor a token. */
  | 'not-a-link'
  /** A board link without its token (`…/b/<id>` alone). */
  | 'no-token'
  /** A participant's or viewer's link, or a join code's (`/j/<code>`, a participant's). */
  | 'participant'
  | 'viewer'

export type ParsedLink =
  | { readonly ok: true; readonly id: string; readonly token: string }
  | { readonly ok: false; readonly problem: LinkProblem }

function fromToken(token: string, boardId?: string): ParsedLink {
  const info = readToken(token)
  if (!info || (boardId !== undefined && info.boardId !== boardId)) return { ok: false, problem: 'not-a-link' }
  if (info.role !== 'facilitator') return { ok: false, problem: info.role }
  return { ok: true, id: info.boardId, token }
}

/**
 * One pasted line: a board link as the share dialog gives it (`https://…/b/<id>#token=…`), the same
 * without the address of the server (`/b/<id>#token=…`), or the token alone.
 */
export function parseBoardLink(text: string): ParsedLink {
  const trimmed = text.trim()
  if (trimmed.startsWith('v1.')) return fromToken(trimmed)
  let url: URL
  try {
    url = new URL(trimmed, 'https://samla.invalid')
  } catch {
    return { ok: false, problem: 'not-a-link' }
  }
  if (JOIN_PATH.test(url.pathname)) return { ok: false, problem: 'participant' }
  const boardId = BOARD_PATH.exec(url.pathname)?.[1]
  if (!boardId) return { ok: false, problem: 'not-a-link' }
  const token = tokenFromHash(url.hash)
  return token ? fromToken(token, boardId) : { ok: false, problem: 'no-token' }
}

/** A pasted line's link, or why it cannot be used; `line` counts from 1, blank lines included. */
export type PastedLink = ParsedLink & { readonly line: number }

/** Every non-blank line of the pasted text, in order. */
export function parsePastedLinks(text: string): PastedLink[] {
  return text
    .split(/\r?\n/)
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== '')
    .map(({ content, line }) => ({ ...parseBoardLink(content), line }))
}

/** A recent board this device can merge: it holds the board's facilitator link. */
export interface MergeableBoard {
  readonly id: string
  readonly title: string
  readonly token: string
}

/**
 * The recent boards whose facilitator link this device holds: kept on the device, or held by this
 * tab (`tabToken`, the sessionStorage of a board opened here by its facilitator link).
 */
export function mergeableBoards(
  recent: readonly RecentBoard[],
  tabToken: (boardId: string) => string | null,
): MergeableBoard[] {
  return recent.flatMap((board) => {
    const token =
      board.role === 'facilitator' && board.token
        ? board.token
        : [tabToken(board.id)].find((held) => held && readToken(held)?.role === 'facilitator')
    return token && readToken(token)?.boardId === board.id ? [{ id: board.id, title: board.title, token }] : []
  })
}

/** Where a source came from, to name it when the relay refuses it. */
export type SourceLabel =
  | { readonly kind: 'title'; readonly title: string }
  | { readonly kind: 'line'; readonly line: number }
  | { readonly kind: 'place'; readonly place: number }

export interface MergeSource {
  readonly id: string
  readonly token: string
  readonly label: SourceLabel
  /** Pasted as a link, rather than chosen among the recent boards. */
  readonly pasted: boolean
}

/**
 * The sources in the order sent: the chosen recent boards, then the pasted links. A board given
 * twice is sent once; a pasted link of a recent board is named by that board's title.
 */
export function mergeSources(
  chosen: readonly MergeableBoard[],
  pasted: readonly PastedLink[],
  known: readonly { readonly id: string; readonly title: string }[],
): MergeSource[] {
  const sources: MergeSource[] = []
  const add = (id: string, token: string, label: SourceLabel, pasted: boolean) => {
    if (!sources.some((source) => source.id === id)) sources.push({ id, token, label, pasted })
  }
  for (const board of chosen) add(board.id, board.token, titleLabel(board.title, sources.length + 1), false)
  for (const link of pasted) {
    if (!link.ok) continue
    const title = known.find((board) => board.id === link.id)?.title
    add(link.id, link.token, title ? { kind: 'title', title } : { kind: 'line', line: link.line }, true)
  }
  return sources
}

function titleLabel(title: string, place: number): SourceLabel {
  return title.trim() ? { kind: 'title', title } : { kind: 'place', place }
}

/**
 * Which source a relay's refusal is about: its message names it `Source N (<boardId>): …`. Found by
 * id first (the order could differ), then by place.
 */
export function refusedSource(message: string, sources: readonly MergeSource[]): MergeSource | null {
  const named = /Source (\d+)(?: \(([A-Za-z0-9_-]+)\))?/.exec(message)
  if (!named) return null
  const byId = named[2] ? sources.find((source) => source.id === named[2]) : undefined
  return byId ?? sources[Number(named[1]) - 1] ?? null
}

/**
 * A board creation's body turned into the board it asks for: parsed, checked and built into its first
 * Yjs state, or refused with the reason. Pure, with no I/O, so the same code runs inline for a small
 * body and in the import worker for a large one. A large import's notes come as parts, each a Yjs
 * update of its own (notes written by a doc of their own, merging with the board like any client's),
 * so that storing them is many short writes instead of one long one that would hold up the relay.
 */
import {
  BOARD_EXPORT_FORMAT,
  BOARD_EXPORT_VERSION,
  type Ballot,
  BoardError,
  type BoardErrorCode,
  importBoardJson,
  listNotes,
} from '@samla/board'
import type { ApiError } from '@samla/protocol'
import * as Y from 'yjs'
import { type NewBoard, newBoardState } from './board-content.js'

/** Notes per stored part of an import: about a megabyte of full notes, a write of a few milliseconds. */
export const NOTES_PER_PART = 400

export interface BuiltBoard {
  /** The title as given, trimmed. */
  title: string
  createdAt: number
  /** The board with its meta, template and clusters, without an import's notes. */
  state: Uint8Array
  /** An import's notes, stored as updates after `state`. */
  parts: Uint8Array[]
  ballots: Map<string, Ballot>
  imported: boolean
  template: string | undefined
}

export interface NewBoardRefusal {
  status: number
  code: ApiError | BoardErrorCode
  message: string
}

export type NewBoardResult = { ok: true; board: BuiltBoard } | { ok: false; refusal: NewBoardRefusal }

/** What one board may hold (the relay's count limits): an import past them is refused, not stored. */
export interface NewBoardLimits {
  readonly maxNotes: number
  readonly maxGroups: number
}

const refuse = (code: NewBoardRefusal['code'], message: string): NewBoardResult => ({
  ok: false,
  refusal: { status: 400, code, message },
})

export function buildNewBoard(body: Uint8Array, createdAt: number, limits: NewBoardLimits): NewBoardResult {
  let parsed: Partial<NewBoard> | null
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') || '{}')
  } catch {
    return refuse('invalid-json', 'The request body is not valid JSON')
  }
  const input = parsed ?? {}
  const title = input.title ?? ''
  if (typeof title !== 'string') return refuse('invalid-title', 'title must be a string')
  if (input.language !== undefined && input.language !== 'sv' && input.language !== 'en') {
    return refuse('invalid-language', 'language must be sv or en')
  }
  try {
    const { base, notes } = splitNotes(input.import)
    const groups = groupCount(base)
    if (notes.length > limits.maxNotes || groups > limits.maxGroups) {
      return {
        ok: false,
        refusal: {
          status: 413,
          code: 'import-too-large',
          message: `The import holds ${notes.length} notes and ${groups} groups; a board may hold ${limits.maxNotes} notes and ${limits.maxGroups} groups`,
        },
      }
    }
    const { state, ballots } = newBoardState(
      { ...input, title, ...(base !== undefined && { import: base }) },
      createdAt,
    )
    const template = typeof input.template === 'string' ? input.template : undefined
    return {
      ok: true,
      board: {
        title: title.trim(),
        createdAt,
        state,
        parts: noteParts(notes),
        ballots,
        imported: input.import !== undefined,
        template,
      },
    }
  } catch (error) {
    if (error instanceof BoardError) return refuse(error.code, error.message)
    throw error
  }
}

/** An export's list of notes taken out, to be built part by part; anything else is left for the import to judge. */
function splitNotes(data: unknown): { base: unknown; notes: unknown[] } {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { notes?: unknown }).notes)) {
    return { base: data, notes: [] }
  }
  const { notes, ...rest } = data as { notes: unknown[] }
  return { base: { ...rest, notes: [] }, notes }
}

function groupCount(base: unknown): number {
  const clusters = typeof base === 'object' && base !== null ? (base as { clusters?: unknown }).clusters : undefined
  return Array.isArray(clusters) ? clusters.length : 0
}

function noteParts(notes: unknown[]): Uint8Array[] {
  const parts: Uint8Array[] = []
  const ids = new Set<string>()
  for (let first = 0; first < notes.length; first += NOTES_PER_PART) {
    const slice = notes.slice(first, first + NOTES_PER_PART)
    const doc = new Y.Doc()
    try {
      importBoardJson(doc, { format: BOARD_EXPORT_FORMAT, version: BOARD_EXPORT_VERSION, clusters: [], notes: slice })
      for (const { id } of listNotes(doc)) {
        if (ids.has(id))
          throw new BoardError(
            'invalid-import',
            `This is not a board export Samla can read: two notes have the id ${id}`,
          )
        ids.add(id)
      }
      parts.push(Y.encodeStateAsUpdate(doc))
    } catch (error) {
      // The part's note numbers, told as the file's.
      if (error instanceof BoardError) {
        throw new BoardError(
          error.code,
          error.message.replace(/notes\[(\d+)\]/g, (_, i) => `notes[${first + Number(i)}]`),
        )
      }
      throw error
    } finally {
      doc.destroy()
    }
  }
  return parts
}

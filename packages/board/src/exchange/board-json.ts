/**
 * The whole board as JSON, for archiving and for re-importing into a new board. The format
 * carries its own name and version; an import checks everything before it writes anything,
 * and recreates ids, positions, stacking, clusters, votes, and a merged board's regions and notes'
 * origins exactly. The ballots are the relay's, not the doc's: an export is given them, and an import
 * hands them back to be stored.
 */
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { type ClusterSnapshot, createCluster, listClusters } from '../model/cluster.js'
import { skippedEntryCount } from '../model/entries.js'
import {
  fieldIsValid,
  isEntryId,
  isNoteOrigin,
  type NoteOrigin,
  REGION_FIELDS,
  STACK_FIELDS,
} from '../model/entry-rules.js'
import { BoardError } from '../model/errors.js'
import { MAX_VOTE_BUDGET } from '../model/limits.js'
import { readMeta } from '../model/meta.js'
import { addNote, listNotes, type NoteSnapshot } from '../model/note.js'
import { isNoteColour } from '../model/palette.js'
import { listRegions, type RegionSnapshot } from '../model/region.js'
import { clustersMap, notesMap, regionsMap } from '../model/schema.js'
import { confirmStack, readStacks, voteTargetOf } from '../model/stack.js'
import { checkId } from '../model/validate.js'
import { type Ballot, countedDots, dotsSpent } from '../model/vote.js'

export const BOARD_EXPORT_FORMAT = 'samla-board'
export const BOARD_EXPORT_VERSION = 1

export interface ExportedNote {
  id: string
  text: string
  x: number
  y: number
  width: number
  height: number
  colour: NoteSnapshot['colour']
  /** Absent when the note was written anonymously. */
  author?: { id: string; name: string }
  createdAt: number
  order: string
  clusterId: string | null
  /** Where a merge of boards copied the note from (the fingerprint of its text as copied is left out). */
  origin?: Omit<NoteOrigin, 'textHash'>
}

export type ExportedCluster = Omit<ClusterSnapshot, never>
export type ExportedRegion = Omit<RegionSnapshot, never>

export interface BoardExport {
  format: typeof BOARD_EXPORT_FORMAT
  version: typeof BOARD_EXPORT_VERSION
  title: string
  createdAt: number
  exportedAt: number
  notes: ExportedNote[]
  clusters: ExportedCluster[]
  /** A merged board's regions, one per source board; absent when the board has none. */
  regions?: ExportedRegion[]
  /** Near-duplicates confirmed as one note in the vote, each as its notes' ids; absent when there are none. */
  stacks?: string[][]
  /**
   * ballot id -> noteId -> dots, one entry per ballot with dots on the board's notes. The ids are
   * drawn afresh for each export, so they name nobody and differ from one export to the next.
   */
  votes: Record<string, Record<string, number>>
  /** Entries of the board that are no note or cluster at all (see model/entries.ts), left out; ignored by an import. */
  skippedEntries: number
}

/** The board and its `ballots` (the relay's, see BoardExport.votes). */
export function exportBoardJson(doc: Y.Doc, ballots: Iterable<Ballot>, now = Date.now()): BoardExport {
  const { title, createdAt } = readMeta(doc)
  const clusters = listClusters(doc)
  const clusterIds = new Set(clusters.map((c) => c.id))
  const notes = listNotes(doc).map(
    (note): ExportedNote => ({
      id: note.id,
      text: note.text,
      x: note.x,
      y: note.y,
      width: note.width,
      height: note.height,
      colour: note.colour,
      ...(note.authorId || note.authorName ? { author: { id: note.authorId, name: note.authorName } } : {}),
      createdAt: note.createdAt,
      order: note.order,
      clusterId: note.clusterId !== null && clusterIds.has(note.clusterId) ? note.clusterId : null,
      ...(note.origin ? { origin: withoutTextHash(note.origin) } : {}),
    }),
  )
  const regions = listRegions(doc)
  const boardStacks = readStacks(doc)
  const stacks = boardStacks.confirmed.map((stack) => [...stack.noteIds])
  const target = voteTargetOf(doc, boardStacks)
  const counted = [...ballots].map((ballot) => countedDots(ballot, target)).filter((dots) => dots.size > 0)
  // Listed in the order of their fresh ids, which is random: neither ids nor order follow the voters.
  const votes: BoardExport['votes'] = Object.fromEntries(
    counted.map((dots) => [nanoid(), Object.fromEntries(dots)] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
  )
  return {
    format: BOARD_EXPORT_FORMAT,
    version: BOARD_EXPORT_VERSION,
    title,
    createdAt,
    exportedAt: now,
    notes,
    clusters,
    ...(regions.length > 0 ? { regions } : {}),
    ...(stacks.length > 0 ? { stacks } : {}),
    votes,
    skippedEntries: skippedEntryCount(doc),
  }
}

function fail(message: string): never {
  throw new BoardError('invalid-import', `This is not a board export Samla can read: ${message}`)
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where} must be an object`)
  return value as Record<string, unknown>
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be a list`)
  return value
}

/**
 * Recreates an exported board's notes and clusters in `doc`, which must be a new, empty board (its
 * title is chosen when it is created), and returns its ballots for the relay to store, each under a
 * fresh id (no id from a file names anyone on the new board). Everything is first checked and
 * written to a scratch doc, so a bad file changes nothing.
 */
export function importBoardJson(doc: Y.Doc, data: unknown): Map<string, Ballot> {
  const root = asRecord(data, 'the file')
  if (root.format !== BOARD_EXPORT_FORMAT) fail('it has no "format": "samla-board"')
  if (root.version !== BOARD_EXPORT_VERSION) fail(`version ${String(root.version)} is not supported`)
  if (notesMap(doc).size > 0 || clustersMap(doc).size > 0 || regionsMap(doc).size > 0) {
    fail('the board to import into must be empty')
  }
  const write = (target: Y.Doc) =>
    target.transact(() => {
      asArray(root.clusters, 'clusters').forEach((raw, i) => {
        const c = asRecord(raw, `clusters[${i}]`)
        if (!isNoteColour(c.colour)) fail(`clusters[${i}].colour is not a palette colour`)
        createCluster(target, {
          id: c.id as string,
          name: c.name as string,
          x: c.x as number,
          y: c.y as number,
          width: c.width as number,
          height: c.height as number,
          colour: c.colour,
          collapsed: c.collapsed === true,
          order: c.order as string,
        })
      })
      asArray(root.notes, 'notes').forEach((raw, i) => {
        const n = asRecord(raw, `notes[${i}]`)
        const author = n.author === undefined ? null : asRecord(n.author, `notes[${i}].author`)
        if (n.origin !== undefined && !isNoteOrigin(n.origin)) fail(`notes[${i}].origin is not a note's origin`)
        const id = addNote(target, {
          id: n.id as string,
          text: n.text as string,
          x: n.x as number,
          y: n.y as number,
          width: n.width as number,
          height: n.height as number,
          colour: n.colour as NoteSnapshot['colour'],
          ...(author ? { authorId: author.id as string, authorName: author.name as string } : {}),
          now: n.createdAt as number,
          order: n.order as string,
          clusterId: (n.clusterId as string | null) ?? null,
        })
        if (n.origin !== undefined)
          (notesMap(target).get(id) as Y.Map<unknown>).set('origin', withoutTextHash(n.origin))
      })
      if (root.regions !== undefined) writeRegions(target, asArray(root.regions, 'regions'))
      if (root.stacks !== undefined) writeStacks(target, asArray(root.stacks, 'stacks'))
    })
  const scratch = new Y.Doc()
  let ballots: Map<string, Ballot>
  try {
    ballots = readBallots(root.votes)
    write(scratch)
  } catch (error) {
    if (error instanceof BoardError && error.code !== 'invalid-import') fail(error.message)
    throw error
  } finally {
    scratch.destroy()
  }
  write(doc)
  return ballots
}

/** An origin as the export has it, without the text's fingerprint (so an imported copy counts as edited, never overwritten). */
function withoutTextHash(raw: NoteOrigin): Omit<NoteOrigin, 'textHash'> {
  return { boardId: raw.boardId, boardTitle: raw.boardTitle, noteId: raw.noteId }
}

function writeRegions(target: Y.Doc, regions: unknown[]): void {
  regions.forEach((raw, i) => {
    const { id, ...fields } = asRecord(raw, `regions[${i}]`)
    if (!isEntryId(id) || regionsMap(target).has(id)) fail(`regions[${i}].id is not a new region's id`)
    const map = new Y.Map<unknown>()
    for (const [key, rule] of Object.entries(REGION_FIELDS)) {
      // What a merge saw of its source is not exported: an imported region starts afresh.
      if (key === 'sourceSeen') continue
      if (!fieldIsValid(rule, fields[key])) fail(`regions[${i}].${key} is missing or out of range`)
      map.set(key, fields[key])
    }
    regionsMap(target).set(id, map)
  })
}

function writeStacks(target: Y.Doc, stacks: unknown[]): void {
  stacks.forEach((raw, i) => {
    const noteIds = asArray(raw, `stacks[${i}]`)
    const rule = STACK_FIELDS.notes
    if (!rule || !fieldIsValid(rule, noteIds) || !noteIds.every((id) => notesMap(target).has(id as string))) {
      fail(`stacks[${i}] is not two or more of the board's notes`)
    }
    confirmStack(target, noteIds as string[])
  })
}

/** The ballots of a file's `votes`, each under a fresh id; throws BoardError for a malformed one. */
function readBallots(raw: unknown): Map<string, Ballot> {
  const ballots = new Map<string, Ballot>()
  for (const [voterId, dots] of Object.entries(asRecord(raw ?? {}, 'votes'))) {
    const counts = asRecord(dots, `votes.${voterId}`)
    checkId(voterId)
    const ballot = new Map<string, number>()
    for (const [noteId, count] of Object.entries(counts)) {
      checkId(noteId)
      if (!Number.isInteger(count) || (count as number) < 1) fail(`votes.${voterId}.${noteId} must be a whole number`)
      ballot.set(noteId, count as number)
    }
    // No vote gives anyone more dots than the largest budget.
    if (dotsSpent(ballot) > MAX_VOTE_BUDGET) fail(`votes.${voterId} holds more than ${MAX_VOTE_BUDGET} dots`)
    ballots.set(nanoid(), ballot)
  }
  return ballots
}

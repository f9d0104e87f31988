/**
 * Merging several boards into one (issue #21): each source's notes and groups are copied into the
 * target board, laid out in a region of their own titled with the source's title, and each copied
 * note records where it came from. Only what people wrote is copied — text, colour, size, group
 * membership, and authors' names when allowed — never the sources' history, votes or authors' ids.
 *
 * Ids are derived from (source board id, source entry id) by a hash, so merging again from the same
 * sources finds what it copied before: it adds what is new, updates copied notes nobody edited since
 * (their text still matches the fingerprint taken when copied), and duplicates nothing.
 *
 * Everything is planned first, the layout on plain rectangles (merge-layout.ts), and nothing is
 * written until the whole merge is known to fit the board's limits and room; then it is written in
 * one transaction.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { type ClusterSnapshot, listClusters } from '../model/cluster.js'
import { isBoardId, type NoteOrigin, REGION_FIELDS } from '../model/entry-rules.js'
import { MergeError } from '../model/errors.js'
import { validField } from '../model/fields.js'
import { MAX_TITLE_LENGTH } from '../model/limits.js'
import { listNotes, type NoteSnapshot } from '../model/note.js'
import { listRegions } from '../model/region.js'
import { clustersMap, notesMap, regionsMap } from '../model/schema.js'
import { hashId } from '../model/sha256.js'
import { applyTextDiff } from '../model/text-diff.js'
import { type Block, MergeLayout, type Placed } from './merge-layout.js'

export interface MergeSource {
  /** The source board's id (the relay's, 22 base64url characters). */
  readonly boardId: string
  readonly title: string
  /** Written in anonymous mode: its authors' names are never copied. */
  readonly anonymous: boolean
  readonly doc: Y.Doc
}

export interface MergeOptions {
  /** Copy authors' names (never their ids) from sources that were not anonymous. */
  readonly keepAuthorNames: boolean
  /** The target board's limits (the relay's); a merge that would pass them is refused. */
  readonly limits?: { readonly maxNotes: number; readonly maxGroups: number }
}

export interface MergeReport {
  /** Source notes copied for the first time. */
  readonly added: number
  /** Copied notes nobody edited in the target whose text or colour changed in their source. */
  readonly updated: number
  /** Copied notes nobody edited that already match their source. */
  readonly unchanged: number
  /** Copied notes edited in the target since they were copied: left as they are. */
  readonly skippedEdited: number
  /** Copies deleted in the target since the last merge (their source notes are not new): not copied again. */
  readonly skippedDeleted: number
  readonly groupsAdded: number
  readonly regionsAdded: number
}

export const MAX_MERGE_SOURCES = 20

export const mergedNoteId = (boardId: string, noteId: string) => hashId('note', boardId, noteId)
export const mergedGroupId = (boardId: string, groupId: string) => hashId('group', boardId, groupId)
export const mergedRegionId = (boardId: string) => hashId('region', boardId)
/** The fingerprint of a note's text as copied (NoteOrigin.textHash). */
export const textFingerprint = (text: string) => hashId('text', text)

interface NoteCopy {
  readonly source: MergeSource
  readonly note: NoteSnapshot
  readonly box: Placed
  /** The copy of the note's group, when its group is on the source board. */
  readonly groupId: string | null
}

interface GroupCopy {
  readonly group: ClusterSnapshot
  readonly box: Placed
}

interface NoteUpdate {
  readonly id: string
  readonly text: string
  readonly colour: NoteSnapshot['colour']
  readonly origin: NoteOrigin
}

export function mergeBoards(target: Y.Doc, sources: ReadonlyArray<MergeSource>, options: MergeOptions): MergeReport {
  checkSources(sources)
  const plan = new MergePlan(target)
  for (const source of sources) plan.addSource(source)
  plan.checkFits(options)
  plan.write(target, options)
  return plan.report
}

function checkSources(sources: ReadonlyArray<MergeSource>): void {
  const invalid = (message: string) => new MergeError('merge-invalid-sources', message)
  if (sources.length === 0 || sources.length > MAX_MERGE_SOURCES) {
    throw invalid(`A merge takes 1 to ${MAX_MERGE_SOURCES} boards, not ${sources.length}`)
  }
  const ids = new Set<string>()
  for (const source of sources) {
    if (!isBoardId(source.boardId)) throw invalid(`${JSON.stringify(source.boardId)} is not a board id`)
    if (ids.has(source.boardId)) throw invalid(`The board ${source.boardId} is given twice`)
    if (source.title.length > MAX_TITLE_LENGTH) throw invalid(`A title is at most ${MAX_TITLE_LENGTH} characters`)
    ids.add(source.boardId)
  }
}

/** The whole merge worked out on rectangles, before anything is written. */
class MergePlan {
  private readonly target: Y.Doc
  private readonly layout: MergeLayout
  private readonly targetNotes: Map<string, NoteSnapshot>
  private readonly targetGroups: Set<string>
  private readonly newNotes: NoteCopy[] = []
  private readonly newGroups: GroupCopy[] = []
  private readonly updates: NoteUpdate[] = []
  private unchanged = 0
  private skippedEdited = 0
  private skippedDeleted = 0
  /** Each source's state vector now, to remember in its region as what this merge saw. */
  private readonly seenNow = new Map<string, string>()

  constructor(target: Y.Doc) {
    this.target = target
    const notes = listNotes(target)
    const groups = listClusters(target)
    this.targetNotes = new Map(notes.map((note) => [note.id, note]))
    this.targetGroups = new Set(groups.map((group) => group.id))
    this.layout = new MergeLayout(listRegions(target))
    for (const { id, x, y, width, height } of notes)
      this.layout.boxes.push({ kind: 'note', id, x, y, width, height, moved: false })
    for (const { id, x, y, width, height } of groups)
      this.layout.boxes.push({ kind: 'group', id, x, y, width, height, moved: false })
  }

  get report(): MergeReport {
    return {
      added: this.newNotes.length,
      updated: this.updates.length,
      unchanged: this.unchanged,
      skippedEdited: this.skippedEdited,
      skippedDeleted: this.skippedDeleted,
      groupsAdded: this.newGroups.length,
      regionsAdded: this.layout.regions.filter((region) => region.fresh).length,
    }
  }

  addSource(source: MergeSource): void {
    const regionId = mergedRegionId(source.boardId)
    const isNew = newSinceLastMerge(source.doc, readSourceSeen(this.target, regionId))
    this.seenNow.set(regionId, encodeSeen(source.doc))
    const groups = listClusters(source.doc)
    // A group whose copy the target deleted since it was made is not made again, nor joined.
    const groupIds = new Set(
      groups
        .filter(
          (group) => this.targetGroups.has(mergedGroupId(source.boardId, group.id)) || isNew(clustersMap, group.id),
        )
        .map((group) => group.id),
    )
    const freshGroups = new Map<string, Placed>()
    for (const group of groups) {
      const id = mergedGroupId(source.boardId, group.id)
      if (this.targetGroups.has(id) || !groupIds.has(group.id)) continue
      const box: Placed = {
        kind: 'group',
        id,
        x: group.x,
        y: group.y,
        width: group.width,
        height: group.height,
        moved: false,
      }
      freshGroups.set(group.id, box)
      this.newGroups.push({ group, box })
    }
    const blocks = new Map<string, Block>([...freshGroups].map(([groupId, box]) => [groupId, { items: [box] }]))
    const loose: Block[] = []
    for (const note of listNotes(source.doc)) {
      const id = mergedNoteId(source.boardId, note.id)
      const copied = this.targetNotes.get(id)
      if (copied) {
        this.refreshNote(source, note, copied)
        continue
      }
      if (!isNew(notesMap, note.id)) {
        this.skippedDeleted++
        continue
      }
      const box: Placed = {
        kind: 'note',
        id,
        x: note.x,
        y: note.y,
        width: note.width,
        height: note.height,
        moved: false,
      }
      const inGroup = note.clusterId !== null && groupIds.has(note.clusterId) ? note.clusterId : null
      this.newNotes.push({ source, note, box, groupId: inGroup && mergedGroupId(source.boardId, inGroup) })
      const group = inGroup ? blocks.get(inGroup) : undefined
      if (group) group.items.push(box)
      else loose.push({ items: [box] })
    }
    const newBlocks = [...blocks.values(), ...loose]
    const region = this.layout.regions.find((r) => r.id === regionId)
    if (region) {
      region.title = source.title
      this.layout.shelve(region, newBlocks)
    } else {
      this.layout.openRegion(regionId, source, newBlocks)
    }
    this.layout.boxes.push(...newBlocks.flatMap((block) => block.items))
  }

  /** A copied note: updated from its source when nobody edited it in the target, else left alone. */
  private refreshNote(source: MergeSource, note: NoteSnapshot, copied: NoteSnapshot): void {
    if (copied.origin?.textHash !== textFingerprint(copied.text)) {
      this.skippedEdited++
      return
    }
    const origin = originOf(source, note)
    const same =
      copied.text === note.text && copied.colour === note.colour && copied.origin.boardTitle === origin.boardTitle
    if (same) this.unchanged++
    else this.updates.push({ id: copied.id, text: note.text, colour: note.colour, origin })
  }

  /** Refuses, before anything is written, a merge past the board's limits or its coordinates. */
  checkFits(options: MergeOptions): void {
    const { limits } = options
    if (limits && this.targetNotes.size + this.newNotes.length > limits.maxNotes) {
      throw new MergeError('merge-over-limit', `The merged board would hold more than ${limits.maxNotes} notes`)
    }
    if (limits && this.targetGroups.size + this.newGroups.length > limits.maxGroups) {
      throw new MergeError('merge-over-limit', `The merged board would hold more than ${limits.maxGroups} groups`)
    }
    this.layout.checkWithinBoard()
  }

  write(target: Y.Doc, options: MergeOptions): void {
    target.transact(() => {
      const groups = clustersMap(target)
      for (const { group, box } of this.newGroups) {
        const map = new Y.Map<unknown>()
        map.set('name', new Y.Text(group.name))
        setBox(map, box)
        map.set('colour', group.colour)
        map.set('collapsed', group.collapsed)
        map.set('order', group.order || 'a0')
        groups.set(box.id, map)
      }
      const notes = notesMap(target)
      for (const { source, note, box, groupId } of this.newNotes) {
        const map = new Y.Map<unknown>()
        map.set('text', new Y.Text(note.text))
        setBox(map, box)
        map.set('colour', note.colour)
        const name = options.keepAuthorNames && !source.anonymous ? note.authorName : ''
        if (name !== '') map.set('authorName', name)
        map.set('createdAt', note.createdAt)
        map.set('order', note.order || 'a0')
        if (groupId) map.set('clusterId', groupId)
        map.set('origin', originOf(source, note))
        notes.set(box.id, map)
      }
      for (const update of this.updates) {
        const map = notes.get(update.id) as Y.Map<unknown>
        const text = map.get('text')
        if (text instanceof Y.Text) applyTextDiff(text, update.text)
        if (map.get('colour') !== update.colour) map.set('colour', update.colour)
        map.set('origin', update.origin)
      }
      for (const box of this.layout.boxes) {
        if (!box.moved || (box.kind === 'note' ? !this.targetNotes.has(box.id) : !this.targetGroups.has(box.id)))
          continue
        const map = (box.kind === 'note' ? notes : groups).get(box.id) as Y.Map<unknown>
        map.set('x', box.x)
        map.set('y', box.y)
      }
      this.writeRegions(target)
    })
  }

  private writeRegions(target: Y.Doc): void {
    const regions = regionsMap(target)
    for (const region of this.layout.regions) {
      const stored = regions.get(region.id)
      const map = stored instanceof Y.Map ? (stored as Y.Map<unknown>) : regions.set(region.id, new Y.Map<unknown>())
      const fields = {
        title: region.title,
        x: region.x,
        y: region.y,
        width: region.width,
        height: region.height,
        sourceBoardId: region.sourceBoardId,
        sourceSeen: this.seenNow.get(region.id) ?? map.get('sourceSeen'),
      }
      // Only what changed is written, so merging again from unchanged sources writes nothing at all.
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && map.get(key) !== value) map.set(key, value)
      }
    }
  }
}

/**
 * Whether a source entry was put on the source board after the last merge from it saw the board —
 * so a copy missing from the target is new, not one somebody deleted there. Without a record of what
 * the last merge saw (a region merged before it was kept), every missing copy counts as new.
 */
function newSinceLastMerge(source: Y.Doc, seen: Map<number, number> | null) {
  return (collection: (doc: Y.Doc) => Y.Map<unknown>, id: string): boolean => {
    const item = (collection(source).get(id) as Y.Map<unknown> | undefined)?._item
    if (!seen || !item) return true
    return item.id.clock >= (seen.get(item.id.client) ?? 0)
  }
}

function encodeSeen(source: Y.Doc): string {
  return toBase64(Y.encodeStateVector(source))
}

function readSourceSeen(target: Y.Doc, regionId: string): Map<number, number> | null {
  const region = regionsMap(target).get(regionId)
  const seen = region instanceof Y.Map ? validField(region, REGION_FIELDS, 'sourceSeen') : undefined
  if (typeof seen !== 'string') return null
  try {
    return Y.decodeStateVector(fromBase64(seen))
  } catch {
    return null
  }
}

function setBox(map: Y.Map<unknown>, box: Placed): void {
  map.set('x', box.x)
  map.set('y', box.y)
  map.set('width', box.width)
  map.set('height', box.height)
}

function originOf(source: MergeSource, note: NoteSnapshot): NoteOrigin {
  return { boardId: source.boardId, boardTitle: source.title, noteId: note.id, textHash: textFingerprint(note.text) }
}

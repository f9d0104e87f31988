/**
 * How much a board holds, counted, and what an update would add to it — judged before the update is
 * applied, for every writer, a facilitator too (their updates are not judged by the schema, and a
 * leaked facilitator link is a link like any other). A board's memory grows with its Yjs structs (a
 * few bytes each on the wire, a few hundred in memory), so a count of them bounds what the stored
 * bytes alone do not; notes and groups are counted too, so that a board stays one people can read.
 *
 * Counting is cheap where it can be: the update's structs are counted without decoding them
 * (struct-count.ts, which stops at the cap), and each new note or group is a struct that names its
 * map ("notes", "clusters"), so the times an update names a map bound the entries it adds. When no
 * client's run in the update starts below what the board holds of that client, every struct is new and
 * the count is exact; a flood of fresh structs is refused from the count alone. Only an update that
 * does not fit by those bounds, or that re-sends structs (a client sending its whole local copy), is
 * decoded and what it adds counted exactly. Deletions add nothing, so a full board can always be
 * cleaned up.
 * (A key set anew over a note deleted earlier brings that note back without naming the map; the item
 * limit still holds for it.)
 */
import * as Y from 'yjs'
import { countStructs, scanStructs } from './struct-count.js'

/** What one board may hold; every value is a count. */
export interface CountLimits {
  readonly maxNotes: number
  readonly maxGroups: number
  /** Yjs structs in the board doc (every change leaves some; a note holds about a dozen). */
  readonly maxItems: number
  /** Structs one update may bring (a text typed or pasted in one go is one). */
  readonly maxItemsPerUpdate: number
}

export interface BoardCounts {
  readonly notes: number
  readonly groups: number
  readonly items: number
}

export type CountVerdict =
  /** `adds` is at least what the update adds (exact for what had to be decoded). */
  { readonly kind: 'within'; readonly adds: BoardCounts } | { readonly kind: 'over'; readonly reason: string }

/** The Yjs structs a doc holds (one sum per writing client). */
export function itemCount(doc: Y.Doc): number {
  let items = 0
  for (const structs of doc.store.clients.values()) items += structs.length
  return items
}

/**
 * A board's counts, kept current: notes and groups as their maps change, items recounted when asked
 * after a change. Reading is cheap, so it can be asked for every update.
 */
export class BoardCounter {
  private notes: number
  private groups: number
  private items = 0
  private itemsStale = true

  constructor(private readonly doc: Y.Doc) {
    this.notes = doc.getMap('notes').size
    this.groups = doc.getMap('clusters').size
    doc.getMap('notes').observe(this.onNotes)
    doc.getMap('clusters').observe(this.onGroups)
    doc.on('afterTransaction', this.onTransaction)
  }

  get counts(): BoardCounts {
    if (this.itemsStale) {
      this.items = itemCount(this.doc)
      this.itemsStale = false
    }
    return { notes: this.notes, groups: this.groups, items: this.items }
  }

  private readonly onNotes = (event: Y.YMapEvent<unknown>) => {
    this.notes += keyBalance(event)
  }

  private readonly onGroups = (event: Y.YMapEvent<unknown>) => {
    this.groups += keyBalance(event)
  }

  private readonly onTransaction = () => {
    this.itemsStale = true
  }
}

function keyBalance(event: Y.YMapEvent<unknown>): number {
  let balance = 0
  for (const { action } of event.changes.keys.values()) {
    if (action === 'add') balance++
    else if (action === 'delete') balance--
  }
  return balance
}

/**
 * Whether an update fits on a board that holds `board` (its counts plus whatever is queued ahead of
 * this update). Throws on bytes that do not decode as an update.
 */
export function checkCounts(doc: Y.Doc, update: Uint8Array, board: BoardCounts, limits: CountLimits): CountVerdict {
  const fits = (adds: BoardCounts) =>
    adds.items <= limits.maxItemsPerUpdate &&
    board.items + adds.items <= limits.maxItems &&
    board.notes + adds.notes <= limits.maxNotes &&
    board.groups + adds.groups <= limits.maxGroups
  const scan = scanStructs(update, limits.maxItemsPerUpdate, (client) => Y.getState(doc.store, client))
  const tooMany = over(`more than ${limits.maxItemsPerUpdate} items in one update`)
  if (scan.structs > limits.maxItemsPerUpdate && !scan.resends) return tooMany
  let adds: BoardCounts = {
    items: scan.structs,
    notes: Math.min(scan.structs, occurrences(update, NOTES)),
    groups: Math.min(scan.structs, occurrences(update, GROUPS)),
  }
  if (fits(adds)) return { kind: 'within', adds }
  adds = added(doc, update)
  if (adds.items > limits.maxItemsPerUpdate) return tooMany
  if (board.items + adds.items > limits.maxItems) return over(`the board holds ${limits.maxItems} items`)
  if (board.notes + adds.notes > limits.maxNotes) return over(`the board holds ${limits.maxNotes} notes`)
  if (board.groups + adds.groups > limits.maxGroups) return over(`the board holds ${limits.maxGroups} groups`)
  return { kind: 'within', adds }
}

/** Whether an update only deletes (it brings no struct the doc lacks): always welcome on a full board. */
export function onlyDeletes(doc: Y.Doc, update: Uint8Array): boolean {
  const count = countStructs(update, RESENT_STRUCTS)
  if (count === 0) return true
  // Many structs are more than a client re-sending a few it had sent already: not deletions alone.
  if (count > RESENT_STRUCTS) return false
  const { structs } = Y.decodeUpdate(update)
  return structs.every((struct) => struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client))
}

const over = (reason: string): CountVerdict => ({ kind: 'over', reason })

const RESENT_STRUCTS = 1000

const NOTES = new TextEncoder().encode('notes')
const GROUPS = new TextEncoder().encode('clusters')

/** How many times `bytes` occur in `update`. */
function occurrences(update: Uint8Array, bytes: Uint8Array): number {
  const first = bytes[0] as number
  let found = 0
  for (let at = update.indexOf(first); at !== -1; at = update.indexOf(first, at + 1)) {
    if (bytes.every((byte, i) => update[at + i] === byte)) found++
  }
  return found
}

/**
 * What an update adds, decoded: the structs the doc lacks, and the notes and groups among them (new
 * keys in their maps; a key set anew replaces its value, it adds no entry).
 */
function added(doc: Y.Doc, update: Uint8Array): BoardCounts {
  const made = { notes: new Set<string>(), clusters: new Set<string>() }
  let items = 0
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    items++
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) continue
    // A struct with a neighbour takes its key from it: it replaces that key's value.
    const parent = struct.parent as unknown
    if (struct.origin || struct.rightOrigin || struct.parentSub === null) continue
    if (parent !== 'notes' && parent !== 'clusters') continue
    if (!doc.getMap(parent).has(struct.parentSub)) made[parent].add(struct.parentSub)
  }
  return { items, notes: made.notes.size, groups: made.clusters.size }
}

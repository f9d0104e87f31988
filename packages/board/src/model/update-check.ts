/**
 * Judges an update a participant sent before it touches the board: decoded struct by struct and
 * placed against the live doc (never applied to a copy), it may only add or change notes and groups
 * within the schema's rules (entry-rules.ts), delete what participants may delete, never touch what
 * only the facilitator writes (regions, a note's origin), and sign a note
 * only when making it, only as its writer, and never in anonymous mode. An update is judged whole:
 * one bad struct refuses all of it.
 *
 * Each struct's place is found from its parent, or — when the encoding leaves the parent out — from
 * its left or right neighbour, in this update or in the doc. An update that builds on structs the
 * doc does not have yet cannot be placed; it is judged `later` (the sender is asked for everything
 * the doc lacks, which then arrives in one piece that can be placed).
 */
import * as Y from 'yjs'
import {
  AUTHOR_FIELDS,
  ENTRY_COLLECTIONS,
  FACILITATOR_COLLECTIONS,
  FACILITATOR_FIELDS,
  type FieldRule,
  isEntryId,
  REQUIRED_FIELDS,
} from './entry-rules.js'

export interface Writer {
  /** The participant id the connection proved (see @samla/protocol's participantId), or null. */
  readonly participantId: string | null
  /** Anonymous mode: notes carry no author at all. */
  readonly anonymous: boolean
}

export type UpdateVerdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'later' }
  | { readonly kind: 'invalid'; readonly reason: string }
  /** Not an update at all (bytes that do not decode). */
  | { readonly kind: 'malformed'; readonly reason: string }

const VALID: UpdateVerdict = { kind: 'valid' }
const LATER: UpdateVerdict = { kind: 'later' }

class Refusal extends Error {}
class Unplaced extends Error {}

const refuse = (reason: string): never => {
  throw new Refusal(reason)
}

/** A shared type as a doc holds it (whatever its events). */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never

/** An update's delete set as decoded: per client, ranges of clocks. */
interface DeleteSet {
  readonly clients: Map<number, readonly { readonly clock: number; readonly len: number }[]>
}

interface TextChange {
  readonly before: number
  added: number
  removed: number
  readonly maxLength: number
}

/** Where a struct sits: under a top-level type, or under the type held by another struct. */
type Place =
  | { readonly root: string; readonly key: string | null }
  | { readonly in: Y.Item; readonly key: string | null }

export function checkUpdate(doc: Y.Doc, update: Uint8Array, writer: Writer): UpdateVerdict {
  try {
    new UpdateCheck(doc, update, writer).run()
    return VALID
  } catch (error) {
    if (error instanceof Unplaced) return LATER
    if (error instanceof Refusal) return { kind: 'invalid', reason: error.message }
    return { kind: 'malformed', reason: `undecodable update: ${(error as Error).message}` }
  }
}

class UpdateCheck {
  private readonly structs: readonly (Y.Item | Y.GC | Y.Skip)[]
  private readonly ds: DeleteSet
  /** This update's structs by client, in clock order, for finding one by id. */
  private readonly incoming = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>()
  private readonly fresh = new Set<Y.Item>()
  /** Every text this update writes into, with the characters it adds and removes. */
  private readonly texts = new Map<Y.Item, TextChange>()
  private rootNames: Map<SharedType, string> | null = null
  /** Entries this update makes, with the fields it gives them. */
  private readonly madeEntries = new Map<Y.Item, { collection: string; fields: Set<string> }>()
  /** Fields of entries already on the board that this update sets anew (replacing their old value). */
  private readonly setFields = new Set<string>()

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
    private readonly writer: Writer,
  ) {
    const { structs, ds } = Y.decodeUpdate(update)
    this.structs = structs
    this.ds = ds as unknown as DeleteSet
    for (const struct of structs) {
      const list = this.incoming.get(struct.id.client) ?? []
      list.push(struct)
      this.incoming.set(struct.id.client, list)
    }
  }

  run(): void {
    for (const [client, list] of this.incoming) {
      // A gap before this update's first struct: Yjs would hold it back until the gap is filled.
      if ((list[0]?.id.clock ?? 0) > Y.getState(this.doc.store, client)) throw new Unplaced()
    }
    for (const struct of this.structs) {
      if (!(struct instanceof Y.Item)) continue
      // Already in the doc: Yjs skips it.
      if (struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client)) continue
      this.fresh.add(struct)
    }
    for (const item of this.fresh) this.checkNew(item)
    this.checkDeletions()
    for (const [entry, { collection, fields }] of this.madeEntries) {
      if (this.isDeleted(entry)) continue
      for (const required of REQUIRED_FIELDS[collection] ?? []) {
        if (!fields.has(required)) refuse(`a new entry without its ${required}`)
      }
    }
    for (const text of this.texts.values()) {
      if (text.before + text.added - text.removed > text.maxLength) refuse(`a text over ${text.maxLength} characters`)
    }
  }

  // ---- finding structs and their places

  /**
   * A struct by id, from the doc or else this update; null when it is gone (garbage-collected).
   * The doc's copy comes first: an update may carry structs the doc already holds (a client's whole
   * local copy, say), and only the doc's are placed in it.
   */
  private find(id: Y.ID): Y.Item | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC
      return struct instanceof Y.Item ? struct : null
    }
    const found = this.incoming.get(id.client)?.find((s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length)
    if (!found) throw new Unplaced()
    return found instanceof Y.Item ? found : null
  }

  private rootName(type: SharedType): string {
    this.rootNames ??= new Map([...this.doc.share].map(([name, root]) => [root, name]))
    return this.rootNames.get(type) ?? ''
  }

  /** Where a struct sits, or null when its parent is gone (Yjs then discards it). */
  private placeOf(item: Y.Item, depth = 0): Place | null {
    if (depth > 64) refuse('a chain of neighbours too long to place')
    if (!this.fresh.has(item)) {
      const parent = item.parent as SharedType | null
      if (!parent) return null
      if (parent._item === null) return { root: this.rootName(parent), key: item.parentSub }
      return { in: parent._item, key: item.parentSub }
    }
    // As decoded: the parent is a top-level name or an id, unless a neighbour stands in for it.
    const parent = item.parent as unknown as string | Y.ID | null
    if (typeof parent === 'string') return { root: parent, key: item.parentSub }
    if (parent !== null) {
      const holder = this.find(parent)
      return holder ? { in: holder, key: item.parentSub } : null
    }
    const neighbourId = item.origin ?? item.rightOrigin
    const neighbour = neighbourId ? this.find(neighbourId) : null
    return neighbour ? this.placeOf(neighbour, depth + 1) : null
  }

  private entryFields(collection: string): Readonly<Record<string, FieldRule>> {
    if (FACILITATOR_COLLECTIONS[collection]) refuse(`a change to ${collection}, which only the facilitator makes`)
    return ENTRY_COLLECTIONS[collection] ?? refuse(`a change to ${collection || 'an unknown type'}`)
  }

  /** The field rule of a struct placed directly in an entry (a note or a group), with the entry. */
  private fieldOf(place: Place): { entry: Y.Item; rule: FieldRule; key: string } | null {
    if (!('in' in place)) return null
    const entryPlace = this.placeOf(place.in)
    if (!entryPlace || !('root' in entryPlace)) return null
    const fields = this.entryFields(entryPlace.root)
    const key = place.key ?? refuse('a list inside an entry')
    const rule = fields[key] ?? refuse(`an unknown field ${key}`)
    return { entry: place.in, rule, key }
  }

  // ---- what may be added

  private checkNew(item: Y.Item): void {
    const place = this.placeOf(item)
    if (!place || item.content instanceof Y.ContentDeleted) return
    if ('root' in place) {
      this.entryFields(place.root)
      if (!isEntryId(place.key)) refuse(`an entry id ${JSON.stringify(place.key)}`)
      if (!isType(item, Y.Map)) refuse('an entry that is not a map')
      this.madeEntries.set(item, { collection: place.root, fields: new Set() })
      return
    }
    const holderPlace = this.placeOf(place.in)
    if (!holderPlace) return
    if ('root' in holderPlace) {
      this.checkField(item, place)
      return
    }
    // Inside a field: only a text field's characters.
    const field = this.fieldOf(holderPlace)
    if (field?.rule.kind !== 'text' || place.key !== null) refuse('content nested too deep')
    if (!(item.content instanceof Y.ContentString)) refuse('text with formatting or embedded content')
    this.text(place.in, field?.rule).added += item.length
  }

  private checkField(item: Y.Item, place: Place): void {
    const field = this.fieldOf(place)
    if (!field) return
    const { entry, rule, key } = field
    if (!isType(entry, Y.Map)) refuse('a field of an entry that is not a map')
    if (FACILITATOR_FIELDS.has(key)) refuse(`${key}, which only the facilitator sets`)
    this.madeEntries.get(entry)?.fields.add(key)
    this.setFields.add(fieldKey(entry, key))
    if (rule.kind === 'text') {
      if (!isType(item, Y.Text)) refuse(`${key} that is not shared text`)
      this.text(item, rule)
      return
    }
    const values = item.content instanceof Y.ContentAny ? item.content.arr : null
    if (values?.length !== 1 || !rule.valid(values[0])) refuse(`a value of ${key} out of its range`)
    if (!AUTHOR_FIELDS.has(key)) return
    if (this.writer.anonymous) refuse('an author in anonymous mode')
    if (!this.fresh.has(entry)) refuse('an author added to an existing note')
    if (key === 'authorId' && values?.[0] !== this.writer.participantId) refuse('an author id other than the writer')
  }

  /** The change to one text field this update makes (the field's struct holds the Y.Text). */
  private text(holder: Y.Item, rule: FieldRule | undefined): TextChange {
    let text = this.texts.get(holder)
    if (!text) {
      text = {
        before: !this.fresh.has(holder) && isType(holder, Y.Text) ? textLength(holder) : 0,
        added: 0,
        removed: 0,
        maxLength: rule?.kind === 'text' ? rule.maxLength : 0,
      }
      this.texts.set(holder, text)
    }
    return text
  }

  // ---- what may be deleted

  private checkDeletions(): void {
    for (const [client, ranges] of this.ds.clients) {
      for (const { clock, len } of ranges) this.checkDeletedRange(client, clock, clock + len)
    }
  }

  private checkDeletedRange(client: number, start: number, end: number): void {
    for (const item of this.itemsIn(client, start, end)) {
      const removed = Math.min(end, item.id.clock + item.length) - Math.max(start, item.id.clock)
      if (item.deleted && !this.fresh.has(item)) continue
      const place = this.placeOf(item)
      if (!place) continue
      if ('root' in place) {
        this.entryFields(place.root)
        continue
      }
      const holderPlace = this.placeOf(place.in)
      if (!holderPlace) continue
      if ('root' in holderPlace) {
        const field = this.fieldOf(place)
        if (!field || this.isDeleted(field.entry)) continue
        // A note's author goes only with the note itself; a required field may only be set anew.
        if (AUTHOR_FIELDS.has(field.key)) refuse('a note’s author removed')
        if (FACILITATOR_FIELDS.has(field.key)) refuse(`${field.key} removed`)
        const collection = 'root' in holderPlace ? holderPlace.root : ''
        const required = REQUIRED_FIELDS[collection]?.has(field.key) === true
        if (required && !this.setFields.has(fieldKey(field.entry, field.key))) refuse(`${field.key} removed`)
        continue
      }
      if (item.content instanceof Y.ContentString)
        this.text(place.in, this.fieldOf(holderPlace)?.rule).removed += removed
    }
  }

  /** The structs of a client overlapping [start, end), from the doc and from this update. */
  private *itemsIn(client: number, start: number, end: number): Generator<Y.Item> {
    const known = Y.getState(this.doc.store, client)
    const structs = this.doc.store.clients.get(client)
    if (structs && start < known) {
      for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
        const struct = structs[i]
        if (!struct || struct.id.clock >= end) break
        if (struct instanceof Y.Item) yield struct
      }
    }
    if (end <= known) return
    const incoming = this.incoming.get(client) ?? []
    const covered = incoming.filter((s) => s.id.clock < end && s.id.clock + s.length > Math.max(start, known))
    // Deleting what neither the doc nor this update holds: it must arrive first.
    if (covered.length === 0) throw new Unplaced()
    for (const struct of covered) if (struct instanceof Y.Item) yield struct
  }

  private isDeleted(item: Y.Item): boolean {
    if (item.deleted && !this.fresh.has(item)) return true
    const ranges = this.ds.clients.get(item.id.client) ?? []
    return ranges.some(({ clock, len }) => item.id.clock >= clock && item.id.clock < clock + len)
  }
}

const fieldKey = (entry: Y.Item, key: string) => `${entry.id.client}:${entry.id.clock}:${key}`

function textLength(item: Y.Item): number {
  const { type } = item.content as Y.ContentType
  return type instanceof Y.Text ? type.length : 0
}

function isType(item: Y.Item, kind: typeof Y.Map | typeof Y.Text): boolean {
  return item.content instanceof Y.ContentType && item.content.type instanceof kind
}

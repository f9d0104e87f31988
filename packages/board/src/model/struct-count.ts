/**
 * Counts the structs of an update (Yjs's update format, version 1) by reading past them, without
 * making an object of any, and stops as soon as the count passes a cap: a frame of small nested maps
 * costs the relay a few milliseconds to refuse, where decoding it (Y.decodeUpdate, or the lazy reader
 * behind Y.parseUpdateMeta) would make and drop an object for each of its hundreds of thousands of
 * structs. The layout read here is Yjs's `writeStructs` and `readItemContent` (yjs/src/utils/
 * encoding.js, structs/Item.js) and lib0's varints and `any` values (lib0/encoding.js): it is the
 * wire format every Yjs client speaks, fixed by that.
 */
const SKIP = 10
const CONTENT = 0b11111
const HAS_ORIGIN = 0b10000000
const HAS_RIGHT_ORIGIN = 0b01000000
const HAS_PARENT_SUB = 0b00100000
/** Type refs whose content carries a name: XML elements and hooks. */
const NAMED_TYPES = new Set([3, 5])

export interface StructScan {
  /** The update's structs, or `cap + 1` once there are more than `cap`. */
  readonly structs: number
  /**
   * Whether a client's run of structs starts below the clock the doc has for that client, so part of
   * it may be structs the doc already holds (a client re-sending its local copy): only then can the
   * count be more than what the update adds.
   */
  readonly resends: boolean
}

/**
 * Counts the structs of `update`, stopping once past `cap`; `knownClock` tells the doc's clock for a
 * client. Throws on a malformed update.
 */
export function scanStructs(update: Uint8Array, cap: number, knownClock: (client: number) => number): StructScan {
  const decoder = new Reader(update)
  let structs = 0
  let resends = false
  const clients = decoder.varUint()
  for (let c = 0; c < clients; c++) {
    const count = decoder.varUint()
    const client = decoder.varUint()
    const clock = decoder.varUint()
    if (count > 0 && clock < knownClock(client)) resends = true
    structs += count
    if (structs > cap) return { structs: cap + 1, resends }
    for (let s = 0; s < count; s++) skipStruct(decoder)
  }
  return { structs, resends }
}

/** The structs in `update`, or `cap + 1` once there are more than `cap`. Throws on a malformed update. */
export function countStructs(update: Uint8Array, cap: number): number {
  return scanStructs(update, cap, () => 0).structs
}

/** Reads lib0's encodings forward, making nothing of what it reads. */
class Reader {
  private pos = 0

  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    const byte = this.bytes[this.pos++]
    if (byte === undefined) throw new Error('unexpected end of update')
    return byte
  }

  varUint(): number {
    let value = 0
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.byte()
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
    }
    throw new Error('varint too long')
  }

  skip(length: number): void {
    if (this.pos + length > this.bytes.length) throw new Error('unexpected end of update')
    this.pos += length
  }

  /** A string or a byte array: its length, then that many bytes. */
  skipBytes(): void {
    this.skip(this.varUint())
  }

  /** One of lib0's `any` values (writeAny), nested ones too. */
  skipAny(depth = 0): void {
    if (depth > 64) throw new Error('value nested too deep')
    const type = this.byte()
    if (type === 125)
      this.varUint() // integer (a varint: the same bytes as a varUint)
    else if (type === 124)
      this.skip(4) // float32
    else if (type === 123 || type === 122)
      this.skip(8) // float64, bigint
    else if (type === 119 || type === 116)
      this.skipBytes() // string, Uint8Array
    else if (type === 118) {
      for (let n = this.varUint(); n > 0; n--) {
        this.skipBytes()
        this.skipAny(depth + 1)
      }
    } else if (type === 117) {
      for (let n = this.varUint(); n > 0; n--) this.skipAny(depth + 1)
    } else if (type < 120 || type > 127) throw new Error(`unknown value type ${type}`)
    // 127 undefined, 126 null, 121 false, 120 true: the type alone
  }
}

function skipId(decoder: Reader): void {
  decoder.varUint()
  decoder.varUint()
}

function skipStruct(decoder: Reader): void {
  const info = decoder.byte()
  const content = info & CONTENT
  if (info === SKIP || content === 0) {
    decoder.varUint() // length (a skip, or garbage collected)
    return
  }
  if (info & HAS_ORIGIN) skipId(decoder)
  if (info & HAS_RIGHT_ORIGIN) skipId(decoder)
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // The parent: a top-level type's name, or the id of the item holding it; then the key, if any.
    if (decoder.varUint() === 1) decoder.skipBytes()
    else skipId(decoder)
    if (info & HAS_PARENT_SUB) decoder.skipBytes()
  }
  skipContent(decoder, content)
}

function skipContent(decoder: Reader, content: number): void {
  switch (content) {
    case 1: // deleted: its length
      decoder.varUint()
      return
    case 2: // JSON: that many strings
      for (let n = decoder.varUint(); n > 0; n--) decoder.skipBytes()
      return
    case 3: // binary
    case 4: // string
    case 5: // embed
      decoder.skipBytes()
      return
    case 6: // format: key and value
      decoder.skipBytes()
      decoder.skipBytes()
      return
    case 7: // a shared type, named for XML elements and hooks
      if (NAMED_TYPES.has(decoder.varUint())) decoder.skipBytes()
      return
    case 8: // any: that many values
      for (let n = decoder.varUint(); n > 0; n--) decoder.skipAny()
      return
    case 9: // a subdocument: its guid and options
      decoder.skipBytes()
      decoder.skipAny()
      return
    default:
      throw new Error(`unknown struct content ${content}`)
  }
}

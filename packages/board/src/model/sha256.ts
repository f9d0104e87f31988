/**
 * Ids derived from other ids (exchange/merge.ts, model/stack.ts) and fingerprints of copied text:
 * SHA-256 from lib0, synchronous and pure, so they come out the same in Node and in browsers.
 */
import { toBase64UrlEncoded } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'
import { encodeUtf8 } from 'lib0/string'

export { digest as sha256 }

/**
 * The first 128 bits of the SHA-256 of the parts (UTF-8, each ended by a NUL so that no two lists
 * of parts read alike), as 22 base64url characters: the shape of an entry id and of a board id.
 */
export function hashId(...parts: readonly string[]): string {
  return toBase64UrlEncoded(digest(encodeUtf8(parts.map((part) => `${part}\u0000`).join(''))).subarray(0, 16))
}

/**
 * Turns a shared text into `next` by changing only the part that differs (common prefix and
 * suffix kept), so that two people typing in different parts of one text both keep their
 * characters. Never splits a surrogate pair: Yjs would turn both halves into U+FFFD.
 */
import type * as Y from 'yjs'

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

export function applyTextDiff(yText: Y.Text, next: string): void {
  const current = yText.toString()
  let start = 0
  const shorter = Math.min(current.length, next.length)
  while (start < shorter && current[start] === next[start]) start++
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  let end = 0
  while (end < shorter - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--
  const removed = current.length - start - end
  if (removed > 0) yText.delete(start, removed)
  const inserted = next.slice(start, next.length - end)
  if (inserted) yText.insert(start, inserted)
}

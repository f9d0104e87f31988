/**
 * Where a caret belongs after the text under it changed elsewhere (a collaborator typing): edits
 * before the caret shift it, edits after it leave it alone, so remote typing never yanks it away.
 */
export function rebaseOffset(before: string, after: string, offset: number): number {
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before[start] === after[start]) start++
  let end = 0
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  if (offset <= start) return offset
  if (offset >= before.length - end) return offset + after.length - before.length
  return after.length - end
}

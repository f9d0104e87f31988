/**
 * How a copied note names the board it came from. The visible mark is shortened so that a long
 * board title cannot crowd the note's header; the accessible name keeps the whole title.
 */

/** Characters of a source board's title shown on a note before it is cut with an ellipsis. */
export const ORIGIN_TITLE_LENGTH = 24

/** `title` cut at a word boundary where one is near, with an ellipsis; trimmed, never longer than `max`. */
export function shortTitle(title: string, max = ORIGIN_TITLE_LENGTH): string {
  const clean = title.trim().replace(/\s+/g, ' ')
  // Array.from counts characters, not UTF-16 units, so å, ä, ö and emoji are never split.
  const chars = Array.from(clean)
  if (chars.length <= max) return clean
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  // A word boundary only when it keeps most of the room; otherwise a long single word is cut mid-word.
  const kept = space >= (max * 2) / 3 ? cut.slice(0, space) : cut
  return `${kept.trimEnd()}…`
}

/** The start of a note's text for its accessible name: one line, at most `max` characters, "…" when cut. */
export function textStart(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

/** Markdown export: the ranked result, clusters as headings and notes as list items. */
import type * as Y from 'yjs'
import { readMeta } from '../model/meta.js'
import { rankResults } from './results.js'

export interface MarkdownLabels {
  /** Heading for notes outside any cluster. */
  unclustered: string
  /** e.g. (n) => `${n} votes`; called only when votes were cast. */
  votes: (count: number) => string
  /** e.g. (name) => `by ${name}`; left out for anonymous notes. */
  author?: (name: string) => string
}

/**
 * Text kept as text: only what Markdown would read as syntax is escaped, so "e-tjänster" and
 * "(se ovan)" stay as written. Anywhere: backslashes before punctuation, emphasis (`*`, and `_` not inside a word),
 * code, strikethrough, links and images (`[`, `]`), HTML and autolinks (`<` before a tag), entities
 * (`&amp;`). At a line's start: headings, quotes, list markers, and lines a setext underline or a
 * thematic break would take.
 */
export function escapeMarkdown(line: string): string {
  const inline = line
    // A backslash is literal unless it comes before punctuation or ends the line (a hard break).
    .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
    .replace(/[`*~[\]]/g, '\\$&')
    .replace(/_/g, (underscore, at: number, text: string) =>
      /[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(text[at + 1] ?? '') ? underscore : '\\_',
    )
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  return inline
    .replace(
      /^(\s*)(#{1,6}(?=\s|$)|>|[+-](?=\s|$|-+\s*$)|\d{1,9}(?=[.)](?:\s|$)))/,
      (_, space: string, mark: string) => (/^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`),
    )
    .replace(/^(\s*)(=+\s*)$/, '$1\\$2')
}

/** A heading's text: also a closing run of `#` (which a heading would drop) is escaped. */
function escapeHeading(text: string): string {
  return escapeMarkdown(text).replace(/(\s)(#+\s*)$/, '$1\\$2')
}

/** The board ranked by `totals` (each note's dots, see rankResults). */
export function exportMarkdown(doc: Y.Doc, labels: MarkdownLabels, totals: ReadonlyMap<string, number>): string {
  const lines = [`# ${escapeHeading(readMeta(doc).title)}`, '']
  for (const group of rankResults(doc, totals)) {
    const name = group.clusterId === null ? labels.unclustered : escapeHeading(group.name)
    lines.push(`## ${name}${group.votes > 0 ? ` (${labels.votes(group.votes)})` : ''}`, '')
    for (const { note, votes } of group.notes) {
      const [first = '', ...rest] = note.text.trim().split(/\r?\n/).map(escapeMarkdown)
      const extras = [
        votes > 0 ? labels.votes(votes) : null,
        note.authorName && labels.author ? labels.author(escapeMarkdown(note.authorName)) : null,
      ].filter(Boolean)
      lines.push(`- ${first}${extras.length > 0 ? ` — ${extras.join(', ')}` : ''}`)
      // Continuation lines are indented so a multi-line note stays one list item.
      for (const line of rest) lines.push(`  ${line}`)
    }
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

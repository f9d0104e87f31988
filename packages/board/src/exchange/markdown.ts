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

/** Characters that would start Markdown syntax are escaped, so a note's text stays text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|>~<])/g, '\\$1')
}

/** The board ranked by `totals` (each note's dots, see rankResults). */
export function exportMarkdown(doc: Y.Doc, labels: MarkdownLabels, totals: ReadonlyMap<string, number>): string {
  const lines = [`# ${escapeMarkdown(readMeta(doc).title)}`, '']
  for (const group of rankResults(doc, totals)) {
    const name = group.clusterId === null ? labels.unclustered : escapeMarkdown(group.name)
    lines.push(`## ${name}${group.votes > 0 ? ` (${labels.votes(group.votes)})` : ''}`, '')
    for (const { note, votes } of group.notes) {
      const [first = '', ...rest] = escapeMarkdown(note.text.trim()).split(/\r?\n/)
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

/**
 * What a new board starts with (a title, and a template or an imported board), and a board's
 * content written out as CSV, Markdown or JSON. Pure functions over Yjs state and the relay's
 * ballots, no I/O.
 */
import {
  applyTemplate,
  type Ballot,
  BoardError,
  type CsvSeparator,
  exportBoardJson,
  exportCsv,
  exportMarkdown,
  importBoardJson,
  initBoard,
  readControl,
  skippedEntryCount,
  TEMPLATES,
  type TemplateLanguage,
  tallyBallots,
  voteTargets,
} from '@samla/board'
import * as Y from 'yjs'
import { type ExportLanguage, exportLabels } from './export-labels.js'

export interface NewBoard {
  title: string
  template?: string
  language?: TemplateLanguage
  /** A board exported as JSON, recreated in the new board. */
  import?: unknown
}

/**
 * The initial state of a new board, and the ballots of an imported one; throws BoardError for bad
 * input, before anything is stored.
 */
export function newBoardState(input: NewBoard, now: number): { state: Uint8Array; ballots: Map<string, Ballot> } {
  const doc = new Y.Doc()
  try {
    initBoard(doc, { title: input.title, now })
    if (input.template !== undefined) {
      if (!TEMPLATES.some((t) => t.id === input.template)) {
        throw new BoardError('invalid-id', `No template called ${JSON.stringify(input.template)}`)
      }
      applyTemplate(doc, input.template, input.language ?? 'sv')
    }
    const ballots = input.import === undefined ? new Map<string, Ballot>() : importBoardJson(doc, input.import)
    return { state: Y.encodeStateAsUpdate(doc), ballots }
  } finally {
    doc.destroy()
  }
}

export const EXPORT_FORMATS = ['csv', 'md', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

/** How a CSV export is laid out: its separator, and the time zone its times are written in. */
export interface CsvLayout {
  readonly separator: CsvSeparator
  readonly timeZone: string
}

/**
 * The board in one format, its votes counted from the relay's `ballots`. Entries that are no note or
 * cluster at all (any peer can store them) are left out and counted in `skipped`, rather than failing
 * the whole export.
 */
export function exportBoard(
  board: Uint8Array,
  control: Uint8Array | null,
  ballots: Iterable<Ballot>,
  format: ExportFormat,
  language: ExportLanguage,
  layout: CsvLayout = { separator: ',', timeZone: 'UTC' },
) {
  const doc = new Y.Doc()
  const controlDoc = new Y.Doc()
  try {
    Y.applyUpdate(doc, board)
    if (control) Y.applyUpdate(controlDoc, control)
    const labels = exportLabels(language)
    const totals = () => tallyBallots(ballots, voteTargets(doc)).totals
    const body =
      format === 'csv'
        ? exportCsv(doc, {
            headers: labels.headers,
            anonymous: readControl(controlDoc).anonymous,
            colourName: labels.colourName,
            totals: totals(),
            ...layout,
          })
        : format === 'md'
          ? exportMarkdown(doc, labels.markdown, totals())
          : `${JSON.stringify(exportBoardJson(doc, ballots), null, 2)}\n`
    return { body, contentType: CONTENT_TYPES[format], skipped: skippedEntryCount(doc) }
  } finally {
    doc.destroy()
    controlDoc.destroy()
  }
}

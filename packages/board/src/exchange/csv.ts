/**
 * CSV export and import of notes. Export: one row per note, UTF-8 with a byte-order mark and
 * CRLF line ends, which spreadsheet programs (Excel included) open with å, ä, ö and emoji intact;
 * separated by commas or by semicolons (what Excel expects where the decimal sign is a comma, as in
 * Sweden), with the times in the reader's time zone.
 * Import: parse, map columns, report bad rows by line number; nothing is written unless every
 * row is good.
 */
import Papa from 'papaparse'
import type * as Y from 'yjs'
import { BoardError } from '../model/errors.js'
import { DEFAULT_NOTE_SIZE, MAX_NOTE_TEXT_LENGTH } from '../model/limits.js'
import { addNote } from '../model/note.js'
import { isNoteColour, type NoteColour } from '../model/palette.js'
import { localTime } from './local-time.js'
import { rankResults } from './results.js'

export interface CsvHeaders {
  cluster: string
  text: string
  colour: string
  votes: string
  author: string
  created: string
}

const BOM = '\uFEFF'

export const CSV_SEPARATORS = [',', ';'] as const
export type CsvSeparator = (typeof CSV_SEPARATORS)[number]

/**
 * Rows ranked like the results by `totals`; the author column is left out for an anonymous board.
 * Times are local to `timeZone` (an IANA zone, UTC unless given) and name the zone.
 */
export function exportCsv(
  doc: Y.Doc,
  {
    headers,
    anonymous,
    colourName,
    totals,
    separator = ',',
    timeZone = 'UTC',
  }: {
    headers: CsvHeaders
    anonymous: boolean
    colourName: (c: NoteColour) => string
    totals: ReadonlyMap<string, number>
    separator?: CsvSeparator
    timeZone?: string
  },
): string {
  const rows = rankResults(doc, totals).flatMap((group) =>
    group.notes.map(({ note, votes }) => [
      group.clusterId === null ? '' : group.name,
      note.text,
      colourName(note.colour),
      String(votes),
      ...(anonymous ? [] : [note.authorName]),
      localTime(note.createdAt, timeZone),
    ]),
  )
  const header = [headers.cluster, headers.text, headers.colour, headers.votes]
  if (!anonymous) header.push(headers.author)
  header.push(headers.created)
  // escapeFormulae: a note starting with = or + must not run as a formula in a spreadsheet.
  return (
    BOM + Papa.unparse([header, ...rows], { delimiter: separator, newline: '\r\n', quotes: true, escapeFormulae: true })
  )
}

export interface CsvTable {
  columns: string[]
  rows: { line: number; cells: Record<string, string> }[]
}

/** Reads a CSV file with a header row; each row keeps the line it starts on, for error messages. */
export function parseCsv(text: string): CsvTable {
  const source = text.startsWith(BOM) ? text.slice(1) : text
  const lineStarts = [0]
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1)
  const lineAt = (offset: number) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((lineStarts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return low + 1
  }
  const rows: CsvTable['rows'] = []
  let columns: string[] = []
  let rowStart = 0
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const cells = result.data
      if (columns.length === 0) columns = cells.map((cell) => cell.trim())
      else rows.push({ line: lineAt(rowStart), cells: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) })
      rowStart = result.meta.cursor
    },
  })
  if (columns.length === 0) throw new BoardError('invalid-import', 'The file is empty')
  return { columns, rows }
}

export interface CsvMapping {
  /** Column holding the note text (required). */
  text: string
  /** Optional column holding a palette colour name. */
  colour?: string
}

export interface CsvRowError {
  line: number
  message: string
}

export interface PlannedNote {
  line: number
  text: string
  colour: NoteColour | undefined
}

/** Checks every row against the mapping; the import may only go ahead when `errors` is empty. */
export function planCsvImport(
  table: CsvTable,
  mapping: CsvMapping,
  colourByName: (name: string) => NoteColour | undefined,
) {
  const notes: PlannedNote[] = []
  const errors: CsvRowError[] = []
  if (!table.columns.includes(mapping.text)) {
    errors.push({ line: 1, message: `There is no column "${mapping.text}"` })
    return { notes, errors }
  }
  for (const { line, cells } of table.rows) {
    const text = (cells[mapping.text] ?? '').trim()
    const colourCell = mapping.colour ? (cells[mapping.colour] ?? '').trim() : ''
    const colour =
      colourCell === '' ? undefined : (colourByName(colourCell) ?? (isNoteColour(colourCell) ? colourCell : null))
    if (text === '') errors.push({ line, message: 'The text is empty' })
    else if (text.length > MAX_NOTE_TEXT_LENGTH) {
      errors.push({ line, message: `The text is longer than ${MAX_NOTE_TEXT_LENGTH} characters` })
    } else if (colour === null) errors.push({ line, message: `"${colourCell}" is not a note colour` })
    else notes.push({ line, text, colour })
  }
  return { notes, errors }
}

/** Adds planned notes in a grid from (x, y), all in one transaction, optionally into a cluster. */
export function importPlannedNotes(
  doc: Y.Doc,
  notes: readonly PlannedNote[],
  {
    x,
    y,
    clusterId,
    author,
  }: { x: number; y: number; clusterId?: string; author?: { authorId: string; authorName: string } },
): string[] {
  const columns = Math.max(1, Math.ceil(Math.sqrt(notes.length)))
  const pitch = DEFAULT_NOTE_SIZE + 16
  const ids: string[] = []
  doc.transact(() => {
    notes.forEach((note, i) => {
      ids.push(
        addNote(doc, {
          x: x + (i % columns) * pitch,
          y: y + Math.floor(i / columns) * pitch,
          text: note.text,
          ...(note.colour ? { colour: note.colour } : {}),
          ...(clusterId ? { clusterId } : {}),
          ...(author ?? {}),
        }),
      )
    })
  })
  return ids
}

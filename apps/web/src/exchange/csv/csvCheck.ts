/**
 * The CSV import wizard's decisions, free of React: reading the file into a table, guessing which
 * columns hold the text and the colour, reading colour names in Swedish and English, and checking
 * every row and the chosen target so that the import is offered only when all of it is good.
 */
import {
  BoardError,
  type CsvTable,
  MAX_NOTE_TEXT_LENGTH,
  NOTE_COLOURS,
  type NoteColour,
  type PlannedNote,
  parseCsv,
  planCsvImport,
} from '@samla/board'
import { resources } from '../../i18n/resources'

/** More notes than this at once would swamp a live board and its participants' screens. */
export const MAX_IMPORT_ROWS = 2000

/** Far more than 2000 notes of text; a bigger file is most likely not a list of notes. */
export const MAX_CSV_BYTES = 5_000_000

export type FileProblem = 'too-large' | 'empty' | 'no-rows' | 'too-many-rows'

/**
 * The file's text: UTF-8 when it is valid UTF-8, else Windows-1252, which is what Excel on a
 * Swedish Windows writes when asked for plain "CSV" (so å, ä and ö survive either way).
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

export function readCsv(text: string): { readonly table: CsvTable } | { readonly problem: FileProblem } {
  let table: CsvTable
  try {
    table = parseCsv(text)
  } catch (error) {
    if (error instanceof BoardError) return { problem: 'empty' }
    throw error
  }
  if (table.columns.every((column) => column === '')) return { problem: 'empty' }
  if (table.rows.length === 0) return { problem: 'no-rows' }
  if (table.rows.length > MAX_IMPORT_ROWS) return { problem: 'too-many-rows' }
  return { table }
}

export interface Mapping {
  readonly text: string
  /** No colour column: every note gets the default colour. */
  readonly colour: string | null
}

const TEXT_NAMES = ['text', 'idé', 'ide', 'idea', 'lapp', 'note', 'anteckning', 'förslag', 'suggestion']
const COLOUR_NAMES = ['färg', 'farg', 'colour', 'color']

/** A likely mapping: columns named like text or colour (in either language), else the first column as text. */
export function guessMapping(columns: readonly string[]): Mapping {
  const named = (names: readonly string[]) => columns.find((column) => names.includes(column.trim().toLowerCase()))
  return { text: named(TEXT_NAMES) ?? columns[0] ?? '', colour: named(COLOUR_NAMES) ?? null }
}

const colourNames = new Map<string, NoteColour>()
for (const colour of NOTE_COLOURS) {
  colourNames.set(colour, colour)
  for (const language of [resources.sv, resources.en]) colourNames.set(language.colours[colour].toLowerCase(), colour)
}
colourNames.set('gray', 'grey')

/** A palette colour from its name in Swedish or English, in any letter case. */
export function colourByName(name: string): NoteColour | undefined {
  return colourNames.get(name.trim().toLowerCase())
}

export type ImportTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'existing'; readonly clusterId: string }
  | { readonly kind: 'new'; readonly name: string }

export type RowProblem =
  | { readonly line: number; readonly kind: 'no-text-column' | 'empty' | 'too-long' }
  | { readonly line: number; readonly kind: 'colour'; readonly value: string }

export type TargetProblem = 'name-missing' | 'cluster-gone'

export interface ImportCheck {
  readonly notes: readonly PlannedNote[]
  readonly problems: readonly RowProblem[]
  readonly targetProblem: TargetProblem | null
  readonly ready: boolean
}

/** Why the board model refused a row, read off the row itself so it can be said in the UI language. */
function rowProblem(
  table: CsvTable,
  mapping: Mapping,
  line: number,
  cells: Record<string, string> | undefined,
): RowProblem {
  if (!table.columns.includes(mapping.text)) return { line, kind: 'no-text-column' }
  const text = (cells?.[mapping.text] ?? '').trim()
  if (text === '') return { line, kind: 'empty' }
  if (text.length > MAX_NOTE_TEXT_LENGTH) return { line, kind: 'too-long' }
  return { line, kind: 'colour', value: (mapping.colour ? cells?.[mapping.colour] : '')?.trim() ?? '' }
}

export function checkImport(
  table: CsvTable,
  mapping: Mapping,
  target: ImportTarget,
  clusterIds: ReadonlySet<string>,
): ImportCheck {
  const plan = planCsvImport(
    table,
    { text: mapping.text, ...(mapping.colour ? { colour: mapping.colour } : {}) },
    colourByName,
  )
  const rows = new Map(table.rows.map((row) => [row.line, row.cells]))
  const problems = plan.errors.map(({ line }) => rowProblem(table, mapping, line, rows.get(line)))
  const targetProblem =
    target.kind === 'new' && target.name.trim() === ''
      ? 'name-missing'
      : target.kind === 'existing' && !clusterIds.has(target.clusterId)
        ? 'cluster-gone'
        : null
  return {
    notes: plan.notes,
    problems,
    targetProblem,
    ready: problems.length === 0 && targetProblem === null && plan.notes.length > 0,
  }
}

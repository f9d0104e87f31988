/**
 * The relay calls behind export, import and history: downloading an export, creating a board from
 * an exported file, and listing, taking, reading and restoring history snapshots. Answers are
 * checked, never trusted.
 */
import { type HistoryReason, isHistoryReason } from '@samla/protocol'
import { type CreatedBoard, parseCreatedBoard } from './boards'
import { boardUrl, filenameFromDisposition } from './http'
import { type Progress, RelayError, transfer, transferJson } from './transfer'

export type ExportFormat = 'csv' | 'md' | 'json'

/** The language exports and templates are written in. */
export type ExchangeLanguage = 'sv' | 'en'

export interface SnapshotEntry {
  readonly id: number
  readonly createdAt: number
  readonly reason: HistoryReason | 'other'
  readonly bytes: number
}

type OnProgress = (progress: Progress) => void

function malformed(what: string): RelayError {
  return new RelayError(200, 'malformed-answer', `The relay answered with malformed ${what}`)
}

/** How a CSV is laid out: its separator, and the IANA time zone its times are written in. */
export interface CsvLayout {
  readonly separator: 'comma' | 'semicolon'
  readonly timeZone: string
}

export async function downloadExport(
  boardId: string,
  token: string,
  format: ExportFormat,
  language: ExchangeLanguage,
  onProgress: OnProgress,
  csv?: CsvLayout,
): Promise<{ blob: Blob; filename: string }> {
  const query = new URLSearchParams({ format, lang: language })
  if (csv) {
    query.set('separator', csv.separator)
    query.set('tz', csv.timeZone)
  }
  const result = await transfer({ method: 'GET', url: `${boardUrl(boardId, 'export')}?${query}`, token, onProgress })
  const filename = filenameFromDisposition(result.header('content-disposition')) ?? `samla.${format}`
  return { blob: result.body, filename }
}

/** The snapshot list, newest first; entries that do not look like snapshots are dropped. */
export function parseSnapshots(value: unknown): SnapshotEntry[] {
  const list = (value as { snapshots?: unknown } | null)?.snapshots
  if (!Array.isArray(list)) throw malformed('history')
  return list
    .filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object')
    .filter((entry) => Number.isInteger(entry.id) && typeof entry.createdAt === 'number')
    .map(
      (entry): SnapshotEntry => ({
        id: entry.id as number,
        createdAt: entry.createdAt as number,
        reason: isHistoryReason(entry.reason) ? entry.reason : 'other',
        bytes: typeof entry.bytes === 'number' ? entry.bytes : 0,
      }),
    )
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
}

export async function listSnapshots(boardId: string, token: string, signal?: AbortSignal): Promise<SnapshotEntry[]> {
  return parseSnapshots(await transferJson({ method: 'GET', url: boardUrl(boardId, 'history'), token, signal }))
}

export async function takeSnapshot(
  boardId: string,
  token: string,
  reason: 'before-import' | 'before-reveal' | 'manual',
  signal?: AbortSignal,
): Promise<number> {
  const url = boardUrl(boardId, 'history')
  const answer = await transferJson({ method: 'POST', url, token, json: { reason }, signal })
  const id = (answer as { id?: unknown } | null)?.id
  if (!Number.isInteger(id)) throw malformed('snapshot id')
  return id as number
}

/** A snapshot as the Yjs update the relay stores. */
export async function fetchSnapshot(
  boardId: string,
  token: string,
  id: number,
  signal?: AbortSignal,
  onProgress?: OnProgress,
): Promise<Uint8Array> {
  const { body } = await transfer({
    method: 'GET',
    url: boardUrl(boardId, 'history', String(id)),
    token,
    signal,
    onProgress,
  })
  return new Uint8Array(await body.arrayBuffer())
}

/** Restores a snapshot for everyone; resolves to the snapshot taken just before, which undoes it. */
export async function restoreSnapshot(boardId: string, token: string, id: number): Promise<number> {
  const url = boardUrl(boardId, 'history', String(id), 'restore')
  const answer = await transferJson({ method: 'POST', url, token })
  const backup = (answer as { backup?: unknown } | null)?.backup
  if (!Number.isInteger(backup)) throw malformed('restore answer')
  return backup as number
}

/** A new board holding an exported one; the file's content is checked by the relay, not here. */
export async function createBoardFromExport(
  title: string,
  exported: unknown,
  onProgress: OnProgress,
  creationKey?: string,
): Promise<CreatedBoard> {
  const answer = await transferJson({
    method: 'POST',
    url: '/api/boards',
    // The relay takes its creation key where it takes a link's token: as the bearer.
    token: creationKey,
    json: { title, import: exported },
    onProgress,
  })
  const created = parseCreatedBoard(answer)
  if (!created) throw malformed('board')
  return created
}

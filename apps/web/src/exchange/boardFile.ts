/**
 * Reading a board file chosen for import on the home page: it must be JSON, and its title (when it
 * has one) is offered as the new board's. Whether the content is a board Samla can recreate is the
 * relay's call, made before anything is stored.
 */
import { MAX_TITLE_LENGTH } from '@samla/board'

/** The relay's default limit for a board creation request carrying an import. */
export const MAX_BOARD_FILE_BYTES = 16 * 1024 * 1024

export type BoardFileProblem = 'too-large' | 'not-json'

export type BoardFile =
  | { readonly ok: true; readonly content: unknown; readonly title: string }
  | { readonly ok: false; readonly problem: BoardFileProblem }

function titleOf(content: unknown, fileName: string): string {
  const title = (content as { title?: unknown } | null)?.title
  const fromFile = typeof title === 'string' ? title.trim() : ''
  const fromName = fileName
    .replace(/\.json$/i, '')
    .replace(/^samla-/, '')
    .trim()
  return [...(fromFile || fromName)].slice(0, MAX_TITLE_LENGTH).join('')
}

export function readBoardFile(text: string, fileName: string, size: number): BoardFile {
  if (size > MAX_BOARD_FILE_BYTES) return { ok: false, problem: 'too-large' }
  let content: unknown
  try {
    content = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch {
    return { ok: false, problem: 'not-json' }
  }
  if (content === null || typeof content !== 'object' || Array.isArray(content))
    return { ok: false, problem: 'not-json' }
  return { ok: true, content, title: titleOf(content, fileName) }
}

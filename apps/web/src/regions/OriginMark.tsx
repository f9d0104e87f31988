/**
 * The mark on a copied note naming the board it came from (issue #21), in the note's header on the
 * canvas and in the outline's meta line. It is in words, not only the region's place, and shortened
 * (originLabel.ts); the note's accessible name carries the whole title.
 */
import type { NoteOrigin } from '@samla/board'
import type { TFunction } from 'i18next'
import { shortTitle } from './originLabel'

/** The note's accessible name with its source added, or the name unchanged for a note of this board. */
export function withOrigin(t: TFunction, label: string, origin: NoteOrigin | undefined): string {
  return origin ? t('regions.noteLabel', { label, title: sourceTitle(t, origin) }) : label
}

/** The source board's title, or a word for a board that had none (a mark saying only "From" says nothing). */
function sourceTitle(t: TFunction, origin: NoteOrigin): string {
  return origin.boardTitle.trim() || t('regions.untitled')
}

export function OriginMark({ t, origin }: { readonly t: TFunction; readonly origin: NoteOrigin }) {
  const full = sourceTitle(t, origin)
  return (
    // aria-hidden: the note's accessible name already says it, with the title in full.
    <span className="note-origin" title={t('regions.from', { title: full })} aria-hidden="true">
      {t('regions.from', { title: shortTitle(full) })}
    </span>
  )
}

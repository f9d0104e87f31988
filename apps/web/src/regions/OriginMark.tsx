/**
 * The mark on a copied note naming the board it came from (issue #21), in the note's header on the
 * canvas and in the outline's meta line. It is in words, not only the region's place. A long title
 * ends in an ellipsis where the note's header has no more room (regions.css); the title attribute and
 * the note's accessible name carry it whole.
 */
import type { NoteOrigin } from '@samla/board'
import type { TFunction } from 'i18next'

/** The note's accessible name with its source added, or the name unchanged for a note of this board. */
export function withOrigin(t: TFunction, label: string, origin: NoteOrigin | undefined): string {
  return origin ? t('regions.noteLabel', { label, title: sourceTitle(t, origin) }) : label
}

/** The source board's title, or a word for a board that had none (a mark saying only "From" says nothing). */
function sourceTitle(t: TFunction, origin: NoteOrigin): string {
  return origin.boardTitle.trim().replace(/\s+/g, ' ') || t('regions.untitled')
}

export function OriginMark({ t, origin }: { readonly t: TFunction; readonly origin: NoteOrigin }) {
  const from = t('regions.from', { title: sourceTitle(t, origin) })
  return (
    // aria-hidden: the note's accessible name already says it, with the title in full.
    <span className="note-origin" title={from} aria-hidden="true">
      {from}
    </span>
  )
}

/** The author line a note shows, and its drawn copy while carried. */
import type { NoteSnapshot } from '@samla/board'
import type { TFunction } from 'i18next'

/**
 * A person who left their name empty signs "Anonymous"; a note with no writer at all (put there by a
 * template or an import, or written in anonymous mode) shows no author line.
 */
export function noteByline(t: TFunction, { authorId, authorName }: Pick<NoteSnapshot, 'authorId' | 'authorName'>) {
  if (!authorId && !authorName) return ''
  return t('note.author', { name: authorName || t('user.anonymous') })
}

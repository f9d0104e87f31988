/** The author line a note shows, and its drawn copy while carried. */
import type { TFunction } from 'i18next'

export function noteByline(t: TFunction, authorName: string): string {
  return t('note.author', { name: authorName || t('user.anonymous') })
}

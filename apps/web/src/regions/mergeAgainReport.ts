/**
 * What merging again did, in plain words: "12 nya lappar, 3 uppdaterade", with the copies edited here
 * (and so left as they are) named only when there are any, and a sentence of its own when nothing changed.
 */
import type { TFunction } from 'i18next'
import type { MergeAgainReport } from '../api/boards'

export function mergeAgainReportText(t: TFunction, { added, updated, skippedEdited }: MergeAgainReport): string {
  if (added === 0 && updated === 0) {
    return skippedEdited === 0
      ? t('merge.again.nothingNew')
      : t('merge.again.nothingNewKept', { kept: t('merge.again.kept', { count: skippedEdited }) })
  }
  const parts = [t('merge.again.added', { count: added }), t('merge.again.updated', { count: updated })]
  if (skippedEdited > 0) parts.push(t('merge.again.kept', { count: skippedEdited }))
  return t('merge.again.done', { parts: parts.join(', ') })
}

/**
 * What merging again did, in plain words: "12 nya lappar, 3 uppdaterade", with the copies edited here
 * (and so left as they are) and those deleted here (and so not brought back) named only when there are
 * any, and a sentence of its own when nothing changed.
 */
import type { TFunction } from 'i18next'
import type { MergeAgainReport } from '../api/boards'

export function mergeAgainReportText(
  t: TFunction,
  { added, updated, skippedEdited, skippedDeleted }: MergeAgainReport,
): string {
  const left: string[] = []
  if (skippedEdited > 0) left.push(t('merge.again.kept', { count: skippedEdited }))
  if (skippedDeleted > 0) left.push(t('merge.again.deleted', { count: skippedDeleted }))
  if (added === 0 && updated === 0) {
    return left.length === 0 ? t('merge.again.nothingNew') : t('merge.again.nothingNewKept', { kept: left.join(', ') })
  }
  const parts = [t('merge.again.added', { count: added }), t('merge.again.updated', { count: updated }), ...left]
  return t('merge.again.done', { parts: parts.join(', ') })
}

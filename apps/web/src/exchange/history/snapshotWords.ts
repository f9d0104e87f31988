/** How a snapshot is named in the UI: its time in the UI language, why it was taken, and its size. */
import type { TFunction } from 'i18next'
import { formatBytes } from '../format'
import type { SnapshotEntry } from '../../api/exchange'

export function snapshotTime(entry: SnapshotEntry, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(entry.createdAt)
}

export function snapshotReason(t: TFunction, entry: SnapshotEntry): string {
  return t(`exchange.history.reason.${entry.reason}`)
}

export function snapshotSize(entry: SnapshotEntry, locale: string | undefined): string {
  return formatBytes(entry.bytes, locale)
}

/** The saved versions as a table, newest first, each with "preview" and "restore"; older ones on request. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SnapshotEntry } from '../../api/exchange'
import { snapshotReason, snapshotSize, snapshotTime } from './snapshotWords'

const PAGE = 30

interface SnapshotListProps {
  readonly entries: readonly SnapshotEntry[]
  readonly busy: boolean
  readonly onPreview: (entry: SnapshotEntry) => void
  readonly onRestore: (entry: SnapshotEntry) => void
}

export function SnapshotList({ entries, busy, onPreview, onRestore }: SnapshotListProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage
  const [shown, setShown] = useState(PAGE)
  if (entries.length === 0) return <p className="muted">{t('exchange.history.empty')}</p>
  return (
    <div className="snapshot-list">
      <table>
        <caption className="visually-hidden">{t('exchange.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.history.time')}</th>
            <th scope="col">{t('exchange.history.why')}</th>
            <th scope="col">{t('exchange.history.size')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('exchange.history.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, shown).map((entry) => {
            const time = snapshotTime(entry, locale)
            return (
              <tr key={entry.id}>
                <th scope="row">
                  <time dateTime={new Date(entry.createdAt).toISOString()}>{time}</time>
                </th>
                <td>{snapshotReason(t, entry)}</td>
                <td>{snapshotSize(entry, locale)}</td>
                <td className="snapshot-actions">
                  <div>
                    <button
                      type="button"
                      className="button"
                      aria-label={t('exchange.history.previewNamed', { time })}
                      onClick={() => onPreview(entry)}
                    >
                      {t('exchange.history.preview')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-haspopup="dialog"
                      aria-label={t('exchange.history.restoreNamed', { time })}
                      aria-disabled={busy}
                      onClick={() => busy || onRestore(entry)}
                    >
                      {t('exchange.history.restore')}
                    </button>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {entries.length > shown && (
        <button type="button" className="button button--quiet" onClick={() => setShown(shown + PAGE)}>
          {t('exchange.history.showOlder', { count: Math.min(PAGE, entries.length - shown) })}
        </button>
      )}
    </div>
  )
}

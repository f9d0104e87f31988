/**
 * The boards this browser has opened lately, newest first, as plain links that carry the token this
 * device keeps for each (the link stays in this browser), with the role it opens.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLinkPath } from '../access/boardLink'
import { Link } from '../components/Link'
import { loadRecentBoards } from '../lib/recentBoards'
import { boardPath } from '../lib/router'

export function RecentBoards() {
  const { t, i18n } = useTranslation()
  const [boards] = useState(loadRecentBoards)
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className="recent-boards" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('home.recent.heading')}</h2>
      {boards.length === 0 ? (
        <p className="muted">{t('home.recent.empty')}</p>
      ) : (
        <ul>
          {boards.map((board) => (
            <li key={board.id}>
              <Link href={board.token ? boardLinkPath(board.id, board.token) : boardPath(board.id)}>
                {board.title || t('board.untitled')}
              </Link>
              <span className="recent-meta">
                {board.role && <span>{t('home.recent.role', { role: t(`role.${board.role}`) })}</span>}
                <time dateTime={new Date(board.visitedAt).toISOString()}>
                  {t('home.recent.visited', { date: format.format(board.visitedAt) })}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

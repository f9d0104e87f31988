/**
 * In place of a board view that failed to render: what happened in plain words, that nothing written
 * is lost, and a reload — instead of a blank page. Outside the board's context, so it needs nothing
 * of the board to draw.
 */
import { useTranslation } from 'react-i18next'
import { Link } from '../components/Link'
import { TopBar } from '../components/TopBar'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function BoardFailed() {
  const { t } = useTranslation()
  useDocumentTitle(t('board.failed.documentTitle'))
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page page--message" data-problem="board-failed">
        <h1>{t('board.failed.heading')}</h1>
        <p>{t('board.failed.body')}</p>
        <p className="page-actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('board.failed.reload')}
          </button>
          <Link href="/" className="button">
            {t('board.failed.home')}
          </Link>
        </p>
      </main>
    </>
  )
}

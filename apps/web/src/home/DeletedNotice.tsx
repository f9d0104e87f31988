/**
 * After a board was deleted, the home page says so. The message travels in the history entry, so it
 * is shown once per arrival; the region exists up front so screen readers announce it.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../components/CloseIcon'

function deletedTitle(): string | null {
  const title = (history.state as { deletedBoard?: unknown } | null)?.deletedBoard
  return typeof title === 'string' ? title : null
}

export function DeletedNotice() {
  const { t } = useTranslation()
  const [title, setTitle] = useState<string | null>(null)
  useEffect(() => setTitle(deletedTitle()), [])
  const dismiss = () => {
    history.replaceState(null, '', location.href)
    setTitle(null)
  }
  return (
    <div className="home-notice-region" role="status">
      {title !== null && (
        <div className="notice notice--done">
          <p>{t('home.deleted', { title: title || t('board.untitled') })}</p>
          <button type="button" className="icon-button" aria-label={t('home.dismiss')} onClick={dismiss}>
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  )
}

/** Shows a failed board write in plain words for a while; the region exists up front so it is announced. */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../components/CloseIcon'
import { useBoard, useUi } from '../session/BoardContext'

const NOTICE_MS = 8000

export function BoardNotice() {
  const { t } = useTranslation()
  const { ui } = useBoard()
  const code = useUi((state) => state.notice)
  useEffect(() => {
    if (!code) return
    const timer = setTimeout(() => ui.getState().showNotice(null), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [code, ui])
  return (
    <div className="notice-region" role="alert">
      {code && (
        <div className="notice">
          <p>{t(`errors.${code}`)}</p>
          <button
            type="button"
            className="icon-button"
            aria-label={t('errors.dismiss')}
            onClick={() => ui.getState().showNotice(null)}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  )
}

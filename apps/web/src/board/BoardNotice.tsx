/** Shows a failed board write in plain words for a while; the region exists up front so it is announced. */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../components/CloseIcon'
import { useUi } from '../session/uiStore'

const NOTICE_MS = 8000

export function BoardNotice() {
  const { t } = useTranslation()
  const code = useUi((state) => state.notice)
  useEffect(() => {
    if (!code) return
    const timer = setTimeout(() => useUi.getState().showNotice(null), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [code])
  return (
    <div className="notice-region" role="alert">
      {code && (
        <div className="notice">
          <p>{t(`errors.${code}`)}</p>
          <button
            type="button"
            className="icon-button"
            aria-label={t('errors.dismiss')}
            onClick={() => useUi.getState().showNotice(null)}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  )
}

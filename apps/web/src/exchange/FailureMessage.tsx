/** A failure shown where it happened, as an alert, with the relay's own words when they help. */
import { useTranslation } from 'react-i18next'
import type { Failure } from './failure'

export function FailureMessage({ failure }: { readonly failure: Failure | null }) {
  const { t } = useTranslation()
  return (
    <div className="form-error exchange-failure" role="alert">
      {failure && <p>{failure.text}</p>}
      {failure?.detail && (
        <p className="exchange-failure-detail">{t('exchange.errors.detail', { detail: failure.detail })}</p>
      )}
    </div>
  )
}

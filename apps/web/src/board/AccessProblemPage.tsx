/** Why a board cannot be shown, in plain words, with the way home — instead of a blank or silent board. */
import { useTranslation } from 'react-i18next'
import type { AccessProblem } from '../api/http'
import { MessagePage } from '../components/MessagePage'

export function AccessProblemPage({ problem }: { readonly problem: AccessProblem }) {
  const { t } = useTranslation()
  const heading = t(`access.${problem}.heading`)
  return (
    <MessagePage
      documentTitle={t('access.documentTitle', { heading })}
      heading={heading}
      body={t(`access.${problem}.body`)}
      home={t('access.home')}
      problem={problem}
    />
  )
}

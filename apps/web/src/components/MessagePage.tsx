/** A plain page for addresses that lead nowhere (or to a board that cannot be opened), with the way home. */
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { Link } from './Link'
import { TopBar } from './TopBar'

export function MessagePage({
  documentTitle,
  heading,
  body,
  home,
  problem,
}: {
  readonly documentTitle: string
  readonly heading: string
  readonly body: string
  readonly home: string
  /** Which access problem the page explains, for tests and styling. */
  readonly problem?: string
}) {
  useDocumentTitle(documentTitle)
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page page--message" data-problem={problem}>
        <h1>{heading}</h1>
        <p>{body}</p>
        <p>
          <Link href="/" className="button button--primary">
            {home}
          </Link>
        </p>
      </main>
    </>
  )
}

export function MissingPage() {
  const { t } = useTranslation()
  return (
    <MessagePage
      documentTitle={t('missing.documentTitle')}
      heading={t('missing.heading')}
      body={t('missing.body')}
      home={t('missing.home')}
    />
  )
}

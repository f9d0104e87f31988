/**
 * The home page: what Samla is, forms to create a board (or one from an exported file, or by merging
 * boards), and the boards opened lately.
 */
import { useTranslation } from 'react-i18next'
import { TopBar } from '../components/TopBar'
import { ImportBoardForm } from '../exchange/ImportBoardForm'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { CreateBoardForm } from './CreateBoardForm'
import { CreationKeyField } from './CreationKeyField'
import { DeletedNotice } from './DeletedNotice'
import { MergeBoardsForm } from './MergeBoardsForm'
import { RecentBoards } from './RecentBoards'

export function HomePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('home.documentTitle'))
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page page--home">
        <DeletedNotice />
        <div className="home-intro">
          <h1>{t('home.heading')}</h1>
          <p>{t('home.intro')}</p>
        </div>
        <CreationKeyField />
        <CreateBoardForm />
        <ImportBoardForm />
        <MergeBoardsForm />
        <RecentBoards />
      </main>
    </>
  )
}

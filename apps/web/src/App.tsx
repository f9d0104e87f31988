/** The app shell: a skip link and the page for the current address. */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardPage } from './board/BoardPage'
import { MissingPage } from './components/MessagePage'
import { HomePage } from './home/HomePage'
import { parseRoute } from './lib/router'
import { usePathname } from './lib/usePathname'

/** After an in-app navigation, focus moves to the new page's main content, as a page load would. */
function useFocusMainOnNavigate(pathname: string): void {
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname])
}

export function App() {
  const { t } = useTranslation()
  const pathname = usePathname()
  const route = parseRoute(pathname)
  useFocusMainOnNavigate(pathname)
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {route.page === 'home' && <HomePage />}
      {route.page === 'board' && <BoardPage key={route.boardId} boardId={route.boardId} />}
      {route.page === 'missing' && <MissingPage />}
    </>
  )
}

/**
 * The /b/<id> page: asks the relay about the board first. A clear 404 gets a plain "not found"
 * page instead of a blank board; an unreachable relay still opens the board from the local copy.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardLookup, lookupBoard } from '../api/boards'
import { MessagePage } from '../components/MessagePage'
import { TopBar } from '../components/TopBar'
import { loadRecentBoards } from '../lib/recentBoards'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { BoardScreen } from './BoardScreen'

function useBoardLookup(boardId: string): BoardLookup | null {
  const [lookup, setLookup] = useState<BoardLookup | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    lookupBoard(boardId, controller.signal).then(setLookup, () => {
      // Aborted because the page went away; nothing to show.
    })
    return () => controller.abort()
  }, [boardId])
  return lookup
}

function Loading() {
  const { t } = useTranslation()
  useDocumentTitle(t('board.loading'))
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page page--message" aria-busy="true">
        <p className="muted">{t('board.loading')}</p>
      </main>
    </>
  )
}

export function BoardPage({ boardId }: { readonly boardId: string }) {
  const { t } = useTranslation()
  const lookup = useBoardLookup(boardId)
  if (!lookup) return <Loading />
  if (lookup.kind === 'not-found') {
    return (
      <MessagePage
        documentTitle={t('board.notFound.documentTitle')}
        heading={t('board.notFound.heading')}
        body={t('board.notFound.body')}
        home={t('board.notFound.home')}
      />
    )
  }
  // Offline, the title comes from the local copy once loaded, or from the recent-boards list until then.
  const knownTitle =
    lookup.kind === 'found'
      ? lookup.board.title
      : (loadRecentBoards().find((board) => board.id === boardId)?.title ?? '')
  return <BoardScreen boardId={boardId} knownTitle={knownTitle} />
}

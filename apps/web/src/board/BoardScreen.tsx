/**
 * An open board: the session's lifetime, the header with title, role, facilitator tools and status,
 * the lock banner, the canvas or the outline, tools, notices and the live announcements (or, while
 * presenting, the board as a projector shows it) — or, once access has ended (the link was replaced,
 * the board deleted), the plain explanation instead; and if the board cannot be drawn at all, that.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import { rememberTabRole, takeOwnLinkReplaced } from '../access/linkToken'
import { LiveAnnouncer } from '../announce/LiveAnnouncer'
import { Canvas } from '../canvas/Canvas'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { TopBar } from '../components/TopBar'
import { EditingEffects } from '../editing/EditingEffects'
import { SelectionToolbar } from '../editing/SelectionToolbar'
import { FacilitationEffects } from '../facilitate/FacilitationEffects'
import { FacilitatorPanel } from '../facilitate/FacilitatorPanel'
import { FacilitatorTools } from '../facilitate/FacilitatorTools'
import { PresentationScreen } from '../facilitate/PresentationScreen'
import { SessionBar } from '../facilitate/SessionBar'
import { BoardLanguageProvider } from '../i18n/BoardLanguage'
import { eraseLocalCopy } from '../lib/localCopy'
import { forgetRecentToken, rememberBoard } from '../lib/recentBoards'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { OutlineView } from '../outline/OutlineView'
import { ParticipantList } from '../presence/ParticipantList'
import { SyncStatus } from '../presence/SyncStatus'
import { SourceErasureNotice } from '../regions/SourceErasureNotice'
import { SearchPanel } from '../search/SearchPanel'
import { BoardContext } from '../session/BoardContext'
import type { OpeningSnapshot } from '../session/opening'
import { usePresenting } from '../session/presenting'
import { type BoardAccess, type BoardSession, openBoardSession } from '../session/session'
import { AccessProblemPage } from './AccessProblemPage'
import { BoardFailed } from './BoardFailed'
import { BoardNotice } from './BoardNotice'
import { BoardToolbar } from './BoardToolbar'
import { ConnectionStatus } from './ConnectionStatus'
import { LockBanner } from './LockBanner'
import { RefusedChangeBanner } from './RefusedChangeBanner'
import { RoleBadge } from './RoleBadge'
import { ShortcutsHelp } from './ShortcutsHelp'
import { useAccessRecheck } from './useAccessRecheck'

function useBoardSession(
  { boardId, token, role }: BoardAccess,
  takeSnapshot?: () => OpeningSnapshot | null,
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const opened = openBoardSession({ boardId, token, role }, takeSnapshot?.() ?? null)
    setSession(opened)
    return () => {
      opened.destroy()
      setSession(null)
    }
  }, [boardId, token, role, takeSnapshot])
  return session
}

function OpenBoard({ session, knownTitle }: { readonly session: BoardSession; readonly knownTitle: string }) {
  const { t } = useTranslation()
  const meta = useSyncExternalStore(session.reader.subscribeMeta, session.reader.getMeta)
  const title = meta.title || knownTitle
  useDocumentTitle(t('board.documentTitle', { title: title || t('board.untitled') }))
  const { boardId, token, role } = session
  // Above the board's context, which this component provides: the session's store directly.
  const onCanvas = useStore(session.ui, (state) => state.view === 'canvas')
  const presenting = usePresenting(session)
  useEffect(() => {
    rememberBoard({ id: boardId, title, visitedAt: Date.now(), token, role })
    rememberTabRole(boardId, token, role)
  }, [boardId, title, token, role])
  useEffect(() => {
    if (takeOwnLinkReplaced(session.boardId)) session.ui.getState().showNotice('own-link-replaced')
  }, [session])

  return (
    <BoardContext.Provider value={session}>
      <BoardLanguageProvider>
        <FacilitationEffects session={session} />
        <EditingEffects session={session} />
        {presenting ? (
          <PresentationScreen title={title} status={<ConnectionStatus />} />
        ) : (
          <div className="board-screen">
            <TopBar
              menu={
                <>
                  <RoleBadge role={role} />
                  {role === 'facilitator' && <FacilitatorTools title={title} />}
                  <ParticipantList />
                </>
              }
            >
              <h1 className="board-title">{title || t('board.untitled')}</h1>
              <ConnectionStatus />
              <SyncStatus />
            </TopBar>
            <main id="main" tabIndex={-1} className="board-main">
              <RefusedChangeBanner />
              <LockBanner />
              {role === 'facilitator' && <SourceErasureNotice />}
              <SessionBar />
              <div className={`board-stage${onCanvas ? '' : ' board-stage--outline'}`}>
                {onCanvas ? <Canvas /> : <OutlineView />}
                {role === 'facilitator' && <FacilitatorPanel />}
                <SearchPanel />
                {onCanvas && <SelectionToolbar />}
                <BoardToolbar />
                <BoardNotice />
              </div>
            </main>
            <LiveAnnouncer />
            <ShortcutsHelp />
          </div>
        )}
      </BoardLanguageProvider>
    </BoardContext.Provider>
  )
}

function LiveBoard({ session, knownTitle }: { readonly session: BoardSession; readonly knownTitle: string }) {
  const ended = useSyncExternalStore(session.connection.subscribe, () => session.connection.getState().ended)
  useAccessRecheck(session)
  useEffect(() => {
    if (!ended) return
    // A board its facilitator deleted is erased here too (GDPR); a board the relay merely does not
    // know is kept, since this copy may be all that is left. A refused link is not offered again.
    if (ended === 'board-deleted') {
      session.destroy()
      eraseLocalCopy(session.boardId)
    } else {
      forgetRecentToken(session.boardId, session.token)
    }
    // The board the person was working in is gone from the page: bring them to the explanation.
    document.getElementById('main')?.focus()
  }, [ended, session])
  return ended ? <AccessProblemPage problem={ended} /> : <OpenBoard session={session} knownTitle={knownTitle} />
}

export function BoardScreen({
  access,
  knownTitle,
  takeSnapshot,
}: {
  readonly access: BoardAccess
  readonly knownTitle: string
  /** The board's content fetched while the link was checked, if the relay sent it (see board/opening.ts). */
  readonly takeSnapshot?: () => OpeningSnapshot | null
}) {
  const session = useBoardSession(access, takeSnapshot)
  if (!session) return null
  // Whatever fails to render on the board, the person is told so and offered a reload, not a blank page.
  return (
    <ErrorBoundary fallback={() => <BoardFailed />}>
      <LiveBoard session={session} knownTitle={knownTitle} />
    </ErrorBoundary>
  )
}

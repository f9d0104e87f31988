/** An open board: the session's lifetime, the header with title and status, the canvas, tools and notices. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { Canvas } from '../canvas/Canvas'
import { TopBar } from '../components/TopBar'
import { rememberBoard } from '../lib/recentBoards'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { BoardContext } from './BoardContext'
import { BoardNotice } from './BoardNotice'
import { BoardToolbar } from './BoardToolbar'
import { ConnectionStatus } from './ConnectionStatus'
import { type BoardSession, openBoardSession } from './session'
import { useAddNoteShortcut } from './useAddNoteShortcut'
import { useUi } from './uiStore'

function useBoardSession(boardId: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const opened = openBoardSession(boardId, (code) => useUi.getState().showNotice(code))
    useUi.getState().reset()
    setSession(opened)
    return () => {
      opened.destroy()
      setSession(null)
    }
  }, [boardId])
  return session
}

function OpenBoard({ session, knownTitle }: { readonly session: BoardSession; readonly knownTitle: string }) {
  const { t } = useTranslation()
  const meta = useSyncExternalStore(session.reader.subscribeMeta, session.reader.getMeta)
  const title = meta.title || knownTitle
  useDocumentTitle(t('board.documentTitle', { title: title || t('board.untitled') }))
  useAddNoteShortcut(session)
  useEffect(() => {
    rememberBoard({ id: session.boardId, title, visitedAt: Date.now() })
  }, [session.boardId, title])

  return (
    <BoardContext.Provider value={session}>
      <div className="board-screen">
        <TopBar>
          <h1 className="board-title">{title || t('board.untitled')}</h1>
          <ConnectionStatus />
        </TopBar>
        <main id="main" tabIndex={-1} className="board-main">
          <Canvas />
          <BoardToolbar />
          <BoardNotice />
        </main>
      </div>
    </BoardContext.Provider>
  )
}

export function BoardScreen({ boardId, knownTitle }: { readonly boardId: string; readonly knownTitle: string }) {
  const session = useBoardSession(boardId)
  return session ? <OpenBoard session={session} knownTitle={knownTitle} /> : null
}

/**
 * The /b/<id> page: takes the link's token, then asks the relay what it opens. A refusal (no token,
 * a wrong or replaced link, another board's link, no such board) gets a plain explanation instead
 * of a blank board; an unreachable relay still opens the board from the local copy, with the role
 * this device last had.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccessProblemPage } from './AccessProblemPage'
import { tabRole } from '../access/linkToken'
import { useLinkToken } from '../access/useLinkToken'
import { TopBar } from '../components/TopBar'
import { findRecentBoard, forgetRecentToken } from '../lib/recentBoards'
import { useDocumentTitle } from '../lib/useDocumentTitle'
import { BoardScreen } from './BoardScreen'
import { type Opening, takeOpening } from '../session/opening'

function useBoardOpening(boardId: string, token: string): Opening | null {
  const [opening, setOpening] = useState<Opening | null>(null)
  useEffect(() => {
    let shown = true
    void takeOpening(boardId, token).then((next) => {
      if (shown) setOpening(next)
    })
    return () => {
      shown = false
    }
  }, [boardId, token])
  return opening
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

function CheckedBoard({ boardId, token }: { readonly boardId: string; readonly token: string }) {
  const opening = useBoardOpening(boardId, token)
  const refused = opening?.lookup.kind === 'refused' ? opening.lookup.problem : null
  useEffect(() => {
    // A board the relay does not know is not erased here: the relay may have lost its data or be
    // the wrong one, and this device's copy may be all that is left. Only a deletion erases it.
    if (refused && refused !== 'board-not-found') forgetRecentToken(boardId, token)
  }, [refused, boardId, token])

  if (!opening) return <Loading />
  const { lookup, takeSnapshot } = opening
  if (lookup.kind === 'refused') return <AccessProblemPage problem={lookup.problem} />
  if (lookup.kind === 'found') {
    return (
      <BoardScreen
        access={{ boardId, token, role: lookup.role }}
        knownTitle={lookup.board.title}
        takeSnapshot={takeSnapshot}
      />
    )
  }
  // Offline: the title comes from the local copy once loaded, or from the recent-boards list until then.
  // The role is the one this tab or device last had with this token; unknown, the board is only shown.
  const recent = findRecentBoard(boardId)
  const role = (recent?.token === token && recent.role) || tabRole(boardId, token) || 'viewer'
  return <BoardScreen access={{ boardId, token, role }} knownTitle={recent?.title ?? ''} />
}

export function BoardPage({ boardId }: { readonly boardId: string }) {
  const token = useLinkToken(boardId)
  if (!token) return <AccessProblemPage problem="missing-token" />
  return <CheckedBoard key={token} boardId={boardId} token={token} />
}

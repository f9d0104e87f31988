/**
 * The private drafts' lifetime for an open board, and their publication: once the drafts have loaded,
 * and whenever the control doc changes (a reveal arriving live, or on reconnecting after one was
 * missed), any owed reveal is settled, provided this person may write to the board right now; the
 * notes it published are then kept clear of the others' revealed at the same time (makeRoom.ts).
 */
import { BoardError } from '@samla/board'
import { useEffect } from 'react'
import { writerOf } from '../session/author'
import { openDrafts, useDrafts } from '../session/drafts'
import { type BoardSession, mayEditBoard } from '../session/session'
import { keepRevealedClear } from './makeRoom'
import { settleReveal } from './publish'

export function usePrivateDrafts(session: BoardSession): void {
  const { boardId, role } = session
  useEffect(() => (role === 'viewer' ? undefined : openDrafts(boardId)), [boardId, role])
  const drafts = useDrafts(boardId)

  useEffect(() => {
    if (!drafts) return
    let active = true
    let unsubscribe = () => {}
    let stopClearing = () => {}
    const settle = () => {
      if (!active || !mayEditBoard(session)) return
      const author = writerOf(session)
      const draftIds = drafts.reader.getLayout().map((note) => note.id)
      try {
        const published = settleReveal(session.boardId, session.control.getControl(), drafts.doc, session.doc, author)
        if (published) {
          stopClearing()
          stopClearing = keepRevealedClear(session, draftIds)
        }
      } catch (error) {
        if (!(error instanceof BoardError)) throw error
        session.ui.getState().showNotice(error.code)
      }
    }
    void drafts.loaded.then(() => {
      if (!active) return
      settle()
      unsubscribe = session.control.subscribeControl(settle)
    })
    return () => {
      active = false
      unsubscribe()
      stopClearing()
    }
  }, [session, drafts])
}

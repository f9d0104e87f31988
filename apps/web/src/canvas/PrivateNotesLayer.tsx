/**
 * This person's private drafts on the canvas, above the board's notes: the ordinary notes layer and
 * drag handling, given a board context whose doc and reader are the drafts', so editing, moving and
 * deleting a draft work exactly as on the board but never touch the shared doc.
 */
import { useMemo, useSyncExternalStore } from 'react'
import { BoardContext, useBoard } from '../session/BoardContext'
import type { BoardSession } from '../session/session'
import { NotesLayer } from './NotesLayer'
import { NoteDragContext } from '../notes/NoteDragContext'
import { type PrivateDrafts, useDrafts } from '../session/drafts'
import { PrivateNoteContext } from '../private/PrivateMark'

function Drafts({ session, drafts }: { readonly session: BoardSession; readonly drafts: PrivateDrafts }) {
  const { reader } = drafts
  const empty = useSyncExternalStore(reader.subscribeLayout, () => reader.getLayout().length === 0)
  const draftSession = useMemo(() => ({ ...session, doc: drafts.doc, reader }), [session, drafts, reader])
  if (empty) return null
  return (
    <BoardContext.Provider value={draftSession}>
      <PrivateNoteContext.Provider value={true}>
        <NoteDragContext>
          <NotesLayer />
        </NoteDragContext>
      </PrivateNoteContext.Provider>
    </BoardContext.Provider>
  )
}

export function PrivateNotesLayer() {
  const session = useBoard()
  const drafts = useDrafts(session.boardId)
  return drafts ? <Drafts session={session} drafts={drafts} /> : null
}

/**
 * The outline: the same board as the canvas, as headings and lists — one group per cluster, then
 * the notes outside any cluster, then this person's private drafts during a silent brainstorm. It is
 * the view for keyboard and screen-reader use, and it does everything the canvas does.
 */
import { useMemo, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { clusterIndexOf } from '../clusters/clusterIndex'
import { NoteBoundary } from '../notes/NoteBoundary'
import { PrivateNoteContext } from '../private/PrivateMark'
import { BoardContext, useBoard } from '../session/BoardContext'
import { type PrivateDrafts, useDrafts } from '../session/drafts'
import type { BoardSession } from '../session/session'
import { rememberFocusedNote, useRestoreNoteFocus } from '../session/useRestoreNoteFocus'
import { OutlineGroupSection } from './OutlineGroupSection'
import { OutlineNote } from './OutlineNote'
import { OUTLINE_NOTE, outlineNoteElement } from './outlineFocus'
import { groupNotes } from './outlineGroups'

export const OUTLINE_ID = 'board-outline'

function DraftsGroup({ session, drafts }: { readonly session: BoardSession; readonly drafts: PrivateDrafts }) {
  const { t } = useTranslation()
  const { reader } = drafts
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  const draftSession = useMemo(() => ({ ...session, doc: drafts.doc, reader }), [session, drafts, reader])
  if (layout.length === 0) return null
  return (
    <BoardContext.Provider value={draftSession}>
      <PrivateNoteContext.Provider value={true}>
        <section className="outline-group" aria-labelledby="outline-drafts">
          <h2 id="outline-drafts">{t('outline.private', { count: layout.length })}</h2>
          <ul className="outline-notes">
            {layout.map(({ id }) => (
              <NoteBoundary key={id} id={id} place="outline">
                <OutlineNote id={id} />
              </NoteBoundary>
            ))}
          </ul>
        </section>
      </PrivateNoteContext.Provider>
    </BoardContext.Provider>
  )
}

export function OutlineView() {
  const { t } = useTranslation()
  const session = useBoard()
  const { reader, doc } = session
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  const index = clusterIndexOf(doc)
  const { clusters, members } = useSyncExternalStore(index.subscribe, index.get)
  const groups = useMemo(() => groupNotes(layout, clusters, members), [layout, clusters, members])
  const drafts = useDrafts(session.boardId)
  useRestoreNoteFocus(outlineNoteElement)

  return (
    <section
      id={OUTLINE_ID}
      className="outline"
      aria-label={t('outline.label')}
      onFocus={(event) => rememberFocusedNote(session.ui, event.target, OUTLINE_NOTE)}
    >
      <p className="outline-hint">{t('outline.hint')}</p>
      {groups.map((group) => (
        <OutlineGroupSection key={group.clusterId ?? ''} group={group} />
      ))}
      {drafts && <DraftsGroup session={session} drafts={drafts} />}
    </section>
  )
}

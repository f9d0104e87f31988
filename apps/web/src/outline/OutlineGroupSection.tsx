/**
 * One group of the outline: a heading with the cluster's name and note count, its name field and
 * tools (when this person may cluster), "add a note here", and its notes as a list — rendered a page
 * at a time, so a board of thousands of notes opens at once and grows only as someone asks to see more.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ClusterName } from '../clusters/ClusterName'
import { ClusterToolsButton } from '../clusters/ClusterTools'
import { addNoteInCluster } from '../clusters/clusterCommands'
import { NoteBoundary } from '../notes/NoteBoundary'
import { useBoard, useCanEdit, useUi } from '../session/BoardContext'
import { useTools } from '../session/useControl'
import { OutlineNote } from './OutlineNote'
import type { OutlineGroup } from './outlineGroups'

const PAGE = 100

export function OutlineGroupSection({ group }: { readonly group: OutlineGroup }) {
  const { t } = useTranslation()
  const session = useBoard()
  const canEdit = useCanEdit()
  const tools = useTools()
  const headingId = useId()
  const [shown, setShown] = useState(PAGE)
  // A note about to receive focus (just added, or coming from the canvas) is rendered however far down it is.
  const wanted = useUi((state) => state.focusRequest ?? (state.restoreFocus ? state.focusedNote : null))
  const limit = Math.max(shown, wanted ? group.noteIds.indexOf(wanted) + 1 : 0)
  const rest = group.noteIds.length - limit
  const { clusterId } = group
  const name = clusterId === null ? t('outline.loose') : group.name || t('facilitation.cluster.unnamed')
  const mayAdd = canEdit && tools.addNotes && (clusterId === null || tools.cluster)

  return (
    <section className="outline-group" aria-labelledby={headingId} data-outline-group={clusterId ?? ''}>
      <div className="outline-group-head">
        <h2 id={headingId}>
          {name} <span className="outline-count">({t('outline.notes', { count: group.noteIds.length })})</span>
        </h2>
        {clusterId !== null && tools.cluster && (
          <div className="outline-group-tools">
            <ClusterName id={clusterId} name={group.name} editable />
            <ClusterToolsButton id={clusterId} name={name} />
          </div>
        )}
        {mayAdd && (
          <button type="button" className="button" onClick={() => addNoteInCluster(session, clusterId)}>
            {t('outline.addNote', { group: name })}
          </button>
        )}
      </div>
      {group.noteIds.length > 0 && (
        <ul className="outline-notes">
          {group.noteIds.slice(0, limit).map((id) => (
            <NoteBoundary key={id} id={id} place="outline">
              <OutlineNote id={id} />
            </NoteBoundary>
          ))}
        </ul>
      )}
      {rest > 0 && (
        <button type="button" className="button button--quiet" onClick={() => setShown(limit + PAGE)}>
          {t('outline.showMore', { count: Math.min(PAGE, rest), total: rest })}
        </button>
      )}
    </section>
  )
}

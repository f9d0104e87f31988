/**
 * "Move to group": the keyboard and screen-reader way to do what dragging a note into a cluster does
 * on the canvas. A choice plus a button, not a select that acts on change: arrowing through the
 * options must not move the note at every step. Offered while this person may cluster.
 */
import { type FormEvent, useId, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { moveNotesToCluster } from '../clusters/clusterCommands'
import { clusterIndexOf } from '../clusters/clusterIndex'
import { useTools } from '../session/useControl'
import { focusOutlineNote } from './outlineFocus'

const NO_GROUP = ''

export function MoveSelect({ id, clusterId }: { readonly id: string; readonly clusterId: string | null }) {
  const { t } = useTranslation()
  const session = useBoard()
  const index = clusterIndexOf(session.doc)
  const clusters = useSyncExternalStore(index.subscribe, () => index.get().clusters)
  const { cluster: mayCluster } = useTools()
  const current = clusters.some((c) => c.id === clusterId) ? (clusterId ?? NO_GROUP) : NO_GROUP
  const [choice, setChoice] = useState(current)
  const fieldId = useId()
  if (!mayCluster || clusters.length === 0) return null

  const move = (event: FormEvent) => {
    event.preventDefault()
    moveNotesToCluster(session, [id], choice === NO_GROUP ? null : choice)
    // The note is now listed under its new group: focus follows it there.
    requestAnimationFrame(() => focusOutlineNote(id))
  }

  return (
    <form className="outline-move" onSubmit={move}>
      <label htmlFor={fieldId}>{t('outline.moveTo')}</label>
      <select id={fieldId} value={choice} onChange={(event) => setChoice(event.currentTarget.value)}>
        <option value={NO_GROUP}>{t('outline.noGroup')}</option>
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name || t('facilitation.cluster.unnamed')}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={choice === current}>
        {t('outline.move')}
      </button>
    </form>
  )
}

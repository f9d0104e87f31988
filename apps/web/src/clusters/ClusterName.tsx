/**
 * A cluster's name, edited in place. A shared text field like a note's (components/remoteText.ts):
 * a collaborator's rename is written into it with the caret rebased, and each keystroke goes to renameCluster,
 * which changes only the differing part of the shared name.
 */
import { MAX_CLUSTER_NAME_LENGTH } from '@samla/board'
import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useFacilitationUi } from '../session/BoardContext'
import { useRemoteText } from '../components/remoteText'
import { renameClusterTo } from './clusterCommands'

export function ClusterName({
  id,
  name,
  editable,
}: {
  readonly id: string
  readonly name: string
  readonly editable: boolean
}) {
  const { t } = useTranslation()
  const session = useBoard()
  const ref = useRef<HTMLInputElement>(null)
  const focusRequested = useFacilitationUi((state) => state.nameFocusRequest === id)

  useRemoteText(ref, name)

  useEffect(() => {
    if (!focusRequested) return
    ref.current?.focus()
    ref.current?.select()
    session.facilitationUi.getState().requestNameFocus(null)
  }, [focusRequested, session])

  if (!editable)
    return <span className="cluster-name cluster-name--static">{name || t('facilitation.cluster.unnamed')}</span>

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return
    // The name is saved as it is typed; Enter or Escape just leave the field for the group's handle.
    event.preventDefault()
    event.currentTarget.closest('[data-cluster-id]')?.querySelector<HTMLElement>('.cluster-grip')?.focus()
  }

  return (
    <input
      ref={ref}
      type="text"
      className="cluster-name"
      defaultValue={name}
      aria-label={t('facilitation.cluster.name')}
      placeholder={t('facilitation.cluster.unnamed')}
      maxLength={MAX_CLUSTER_NAME_LENGTH}
      onChange={(event) => {
        const field = event.currentTarget
        if (!renameClusterTo(session, id, field.value)) field.value = name
      }}
      onKeyDown={onKeyDown}
    />
  )
}

/**
 * One cluster on the canvas: a tinted area under its notes with a header holding the drag handle,
 * the name (edited in place), the note count, collapse/expand and the other tools. Collapsed, it is
 * a small card with the name and the count, and its notes are hidden. Presses on the header do not
 * pan the canvas; the body stays part of the background.
 */
import { useDraggable } from '@dnd-kit/core'
import type { ClusterSnapshot } from '@samla/board'
import { memo, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useFacilitationUi } from '../session/BoardContext'
import { useLanding } from '../lib/useLanding'
import { setCollapsed } from './clusterCommands'
import { ClusterName } from './ClusterName'
import { ClusterToolsButton } from './ClusterTools'
import { clusterRect } from './geometry'

/** Above every resting cluster while it is being dragged. */
const DRAGGING_Z = 1_000_000

interface ClusterFrameProps {
  readonly cluster: ClusterSnapshot
  readonly z: number
  readonly count: number
  readonly editable: boolean
  /** A dragged note would land in this one. */
  readonly target: boolean
}

const stop = (event: SyntheticEvent) => event.stopPropagation()

export const ClusterFrame = memo(function ClusterFrame({ cluster, z, count, editable, target }: ClusterFrameProps) {
  const { t } = useTranslation()
  const session = useBoard()
  const { id, colour, collapsed } = cluster
  const name = cluster.name || t('facilitation.cluster.unnamed')
  const drag = useFacilitationUi((state) => (state.clusterDrag?.id === id ? state.clusterDrag : null))
  const mergeTarget = useFacilitationUi((state) => state.clusterDrag?.mergeInto === id)
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useDraggable({
    id,
    disabled: !editable,
    attributes: { roleDescription: t('facilitation.cluster.roleDescription') },
  })
  const rect = clusterRect(cluster)
  const landing = useLanding(drag !== null)
  const onFocus = () => session.facilitationUi.getState().setActiveCluster(id)
  const onBlur = () => {
    if (session.facilitationUi.getState().activeCluster === id) session.facilitationUi.getState().setActiveCluster(null)
  }

  return (
    // A fieldset: the cluster groups the controls in its header under its name.
    <fieldset
      ref={setNodeRef}
      data-cluster-id={id}
      className={`cluster cluster--${colour}${collapsed ? ' is-collapsed' : ''}${target || mergeTarget ? ' is-target' : ''}${drag ? ' is-dragging' : ''}`}
      style={{
        width: rect.width,
        height: rect.height,
        transform: `translate(${rect.x + (drag?.dx ?? 0)}px, ${rect.y + (drag?.dy ?? 0)}px)`,
        zIndex: drag ? DRAGGING_Z : z,
        transition: landing ? 'none' : undefined,
      }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <legend className="visually-hidden">{t('facilitation.cluster.label', { name, count })}</legend>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer drag surface; the keyboard moves the group with its handle. */}
      <div className="cluster-header" {...listeners} onPointerDown={stop} onDoubleClick={stop}>
        {editable && (
          // biome-ignore lint/a11y/useSemanticElements: the sensors ignore presses on real buttons, and this handle must be draggable by mouse too.
          <div
            ref={setActivatorNodeRef}
            {...attributes}
            role="button"
            tabIndex={0}
            className="cluster-grip"
            aria-label={t('facilitation.cluster.move', { name })}
          />
        )}
        <ClusterName id={id} name={cluster.name} editable={editable} />
        <span className="cluster-count">{t('facilitation.cluster.count', { count })}</span>
        {editable && (
          <button
            type="button"
            className="icon-button cluster-button"
            aria-expanded={!collapsed}
            aria-label={t(collapsed ? 'facilitation.cluster.expand' : 'facilitation.cluster.collapse', { name })}
            title={t(collapsed ? 'facilitation.cluster.expand' : 'facilitation.cluster.collapse', { name })}
            onClick={() => setCollapsed(session, id, !collapsed)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path
                d={collapsed ? 'M4 6l4 4 4-4' : 'M4 10l4-4 4 4'}
                stroke="currentColor"
                strokeWidth="2"
                fill="none"
                strokeLinecap="round"
              />
            </svg>
          </button>
        )}
        {editable && <ClusterToolsButton id={id} name={name} />}
      </div>
      {mergeTarget && <p className="cluster-hint">{t('facilitation.cluster.dropToMerge')}</p>}
    </fieldset>
  )
})

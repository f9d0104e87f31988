/**
 * A cluster's less frequent tools, in a dialog: its colour (by name), merging it into another
 * cluster (the keyboard's way to do what dropping its header on another does), tidying it up (its
 * notes in their grid, neighbours moved aside), and deleting it
 * (its notes stay on the board). The dialog is rendered outside the canvas, so presses in it never
 * pan the board or pick up the cluster.
 */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { focusCanvas } from '../lib/focusCanvas'
import { Dialog } from '../components/Dialog'
import { clusterIndexOf } from './clusterIndex'
import { mergeInto, recolourClusterTo, removeCluster, tidy } from './clusterCommands'

export function ClusterToolsButton({ id, name }: { readonly id: string; readonly name: string }) {
  const { t } = useTranslation()
  const { facilitationUi } = useBoard()
  return (
    <button
      type="button"
      className="icon-button cluster-button"
      aria-haspopup="dialog"
      aria-label={t('facilitation.cluster.tools', { name })}
      title={t('facilitation.cluster.tools', { name })}
      onClick={() => facilitationUi.getState().setToolsFor(id)}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="3.5" cy="8" r="1.5" fill="currentColor" />
        <circle cx="8" cy="8" r="1.5" fill="currentColor" />
        <circle cx="12.5" cy="8" r="1.5" fill="currentColor" />
      </svg>
    </button>
  )
}

export function ClusterToolsDialog({ id }: { readonly id: string }) {
  const { t } = useTranslation()
  const session = useBoard()
  const index = clusterIndexOf(session.doc)
  const { clusters } = useSyncExternalStore(index.subscribe, index.get)
  const cluster = clusters.find((c) => c.id === id)
  const onClose = () => session.facilitationUi.getState().setToolsFor(null)
  // Someone else deleted or merged the cluster: nothing left to change.
  useEffect(() => {
    if (!cluster) session.facilitationUi.getState().setToolsFor(null)
  }, [cluster, session])
  if (!cluster) return null
  const name = cluster.name || t('facilitation.cluster.unnamed')
  const others = clusters.filter((other) => other.id !== id)

  return (
    <Dialog heading={t('facilitation.cluster.tools', { name })} className="cluster-dialog" onClose={onClose}>
      {(close) => (
        <>
          <label className="cluster-dialog-field">
            {t('facilitation.cluster.colour')}
            <select
              value={cluster.colour}
              onChange={(event) => recolourClusterTo(session, id, event.currentTarget.value as NoteColour)}
            >
              {NOTE_COLOURS.map((colour) => (
                <option key={colour} value={colour}>
                  {t(`colours.${colour}`)}
                </option>
              ))}
            </select>
          </label>
          {others.length > 0 && (
            <label className="cluster-dialog-field">
              {t('facilitation.cluster.mergeInto')}
              <select
                value=""
                onChange={(event) => {
                  const target = event.currentTarget.value
                  if (!target) return
                  // Closed first: focus goes back to the opener, then on to the canvas as the opener goes.
                  close()
                  mergeInto(session, target, id)
                  focusCanvas()
                }}
              >
                <option value="">{t('facilitation.cluster.mergeChoose')}</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name || t('facilitation.cluster.unnamed')}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                close()
                tidy(session, { clusterId: id })
                focusCanvas()
              }}
            >
              {t('facilitation.cluster.tidyGroup')}
            </button>
            <button
              type="button"
              className="button button--danger-quiet"
              onClick={() => {
                close()
                removeCluster(session, id)
                focusCanvas()
              }}
            >
              {t('facilitation.cluster.delete')}
            </button>
            <button type="button" className="button button--primary" onClick={close}>
              {t('facilitation.cluster.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

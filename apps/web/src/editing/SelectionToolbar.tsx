/**
 * Shown while several notes are selected: how many, and what can be done to all of them at once —
 * change their colour, delete them (one change each, for collaborators and for undo), or clear the
 * selection. A named region, described by the selection keys.
 */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import { useId, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useCanEdit, useUi } from '../session/BoardContext'
import { focusCanvas } from '../lib/focusCanvas'
import { deleteSelection, recolourSelection } from './editCommands'
import { EDITING_HINT_ID } from './EditingHint'
import { existingIds } from './selection'

export function SelectionToolbar() {
  const { t } = useTranslation()
  const session = useBoard()
  const canEdit = useCanEdit()
  const selection = useUi((state) => state.selection)
  const layout = useSyncExternalStore(session.reader.subscribeLayout, session.reader.getLayout)
  const count = existingIds(selection, layout).length
  const labelId = useId()
  // A single note has its own colour menu and delete button; the toolbar is for doing several at once.
  if (count < 2) return null
  return (
    <section className="selection-toolbar" aria-labelledby={labelId} aria-describedby={EDITING_HINT_ID}>
      <h2 id={labelId} className="visually-hidden">
        {t('editing.selection.label')}
      </h2>
      <p className="selection-count" data-selected-count={count}>
        {t('editing.selection.count', { count })}
      </p>
      {canEdit && (
        <>
          <select
            className="selection-colour"
            aria-label={t('editing.selection.colour')}
            value=""
            onChange={(event) => recolourSelection(session, event.currentTarget.value as NoteColour)}
          >
            <option value="" disabled>
              {t('editing.selection.chooseColour')}
            </option>
            {NOTE_COLOURS.map((name) => (
              <option key={name} value={name}>
                {t(`colours.${name}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--danger-quiet"
            onClick={() => {
              deleteSelection(session)
              focusCanvas()
            }}
          >
            {t('editing.selection.delete')}
          </button>
        </>
      )}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          session.ui.getState().select([])
          focusCanvas()
        }}
      >
        {t('editing.selection.clear')}
      </button>
    </section>
  )
}

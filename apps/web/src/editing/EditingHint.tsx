/**
 * How to select and edit several notes from the keyboard, in words: a description of the canvas
 * (beside its own hint) and of the selection toolbar, so the keys can be found without a mouse.
 */
import { useTranslation } from 'react-i18next'
import { useCanEdit } from '../session/BoardContext'

export const EDITING_HINT_ID = 'board-editing-hint'

export function EditingHint() {
  const { t } = useTranslation()
  const canEdit = useCanEdit()
  return (
    <p id={EDITING_HINT_ID} className="visually-hidden">
      {canEdit ? t('editing.selection.hint') : t('editing.selection.hintReadOnly')}
    </p>
  )
}

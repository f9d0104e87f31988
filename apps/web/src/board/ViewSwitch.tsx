/**
 * Canvas or outline: two toggle buttons at the start of the board toolbar. The outline is the same
 * board as headings and lists; switching keeps focus on the note that had it (see useRestoreNoteFocus).
 */
import { useTranslation } from 'react-i18next'
import { useBoard, useUi } from '../session/BoardContext'
import type { BoardView } from '../session/uiStore'

const VIEWS: readonly BoardView[] = ['canvas', 'outline']

export function ViewSwitch() {
  const { t } = useTranslation()
  const { ui } = useBoard()
  const view = useUi((state) => state.view)
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset cannot sit in the toolbar's own fieldset as a row of buttons.
    <div className="view-switch" role="group" aria-label={t('view.label')}>
      {VIEWS.map((name) => (
        <button
          key={name}
          type="button"
          className="button button--quiet"
          aria-pressed={view === name}
          onClick={() => ui.getState().switchView(name)}
        >
          {t(`view.${name}`)}
        </button>
      ))}
    </div>
  )
}

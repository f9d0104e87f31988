/**
 * The board toolbar's cluster tools, for whoever may cluster now: a new empty group in view,
 * grouping the selected notes in one step (gathered into the new group, its name ready to type), and
 * tidying up the selection or the whole board.
 */
import { useTranslation } from 'react-i18next'
import { useBoard, useUi } from '../session/BoardContext'
import { useTools } from '../session/useControl'
import { addClusterInView, groupSelection, tidySelectionOrBoard } from './clusterCommands'

export function ClusterButtons() {
  const { t } = useTranslation()
  const session = useBoard()
  const { cluster } = useTools()
  const selected = useUi((state) => state.selection.filter((id) => session.reader.getNote(id)).length)
  if (!cluster) return null
  const name = t('facilitation.cluster.defaultName')
  return (
    <>
      <button type="button" className="button" onClick={() => addClusterInView(session, name)}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <rect x="2" y="3" width="12" height="10" rx="1.5" stroke="currentColor" strokeWidth="1.6" fill="none" />
          <path d="M2 6h12" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        {t('facilitation.cluster.add')}
      </button>
      <button
        type="button"
        className="button"
        disabled={selected === 0}
        aria-describedby={selected === 0 ? 'group-selection-hint' : undefined}
        onClick={() => groupSelection(session, name)}
      >
        {t('facilitation.cluster.groupSelected', { count: selected })}
      </button>
      <span id="group-selection-hint" className="visually-hidden">
        {t('facilitation.cluster.groupSelectedHint')}
      </span>
      <button
        type="button"
        className="button"
        aria-describedby="tidy-hint"
        aria-keyshortcuts="Shift+T"
        title={t('facilitation.cluster.tidyHint')}
        onClick={() => tidySelectionOrBoard(session)}
      >
        {t('facilitation.cluster.tidy')}
      </button>
      <span id="tidy-hint" className="visually-hidden">
        {t('facilitation.cluster.tidyHint')}
      </span>
      <span className="toolbar-divider" aria-hidden="true" />
    </>
  )
}

/**
 * The board tools: canvas or outline, add a note, cluster and undo tools, keyboard shortcuts, and on
 * the canvas zoom out / reset / in and show all notes. Viewers get the view tools only; on a locked
 * board, adding a note is shown but disabled.
 */
import { useTranslation } from 'react-i18next'
import { coveredEdges, FIT_PADDING, showAllViewport } from '../canvas/showAll'
import { ClusterButtons } from '../clusters/ClusterButtons'
import { UndoButtons } from '../editing/UndoButtons'
import { boundsOf, HOME_VIEWPORT } from '../lib/geometry'
import { useBoard, useCanEdit, useUi } from '../session/BoardContext'
import { addNoteInView } from '../session/commands'
import { useTools } from '../session/useControl'
import { ShortcutsButton } from './ShortcutsHelp'
import { ViewSwitch } from './ViewSwitch'

const ZOOM_STEP = 1.25

export function BoardToolbar() {
  const { t, i18n } = useTranslation()
  const session = useBoard()
  const canEdit = useCanEdit()
  // The phase decides whether new notes are written now (participants write in the write phase).
  const { addNotes } = useTools()
  const zoom = useUi((state) => state.viewport.zoom)
  const onCanvas = useUi((state) => state.view === 'canvas')
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent' }).format(zoom)
  const zoomBy = (factor: number) => session.ui.getState().zoomTo(session.ui.getState().viewport.zoom * factor)
  const showAll = () => {
    const ui = session.ui.getState()
    const bounds = boundsOf(session.reader.getLayout())
    const covered = coveredEdges(document.querySelector('.canvas'))
    ui.setViewport(bounds ? showAllViewport(bounds, ui.size, FIT_PADDING, covered) : HOME_VIEWPORT)
  }

  return (
    <fieldset className="board-toolbar">
      <legend className="visually-hidden">{t('toolbar.label')}</legend>
      <ViewSwitch />
      <span className="toolbar-divider" aria-hidden="true" />
      {session.role !== 'viewer' && (
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={!canEdit || !addNotes}
            onClick={() => addNoteInView(session)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {t('toolbar.addNote')}
          </button>
          <span className="toolbar-divider" aria-hidden="true" />
          <ClusterButtons />
        </>
      )}
      <UndoButtons />
      <ShortcutsButton />
      {onCanvas && <ZoomTools percent={percent} zoomBy={zoomBy} showAll={showAll} />}
    </fieldset>
  )
}

function ZoomTools({
  percent,
  zoomBy,
  showAll,
}: {
  readonly percent: string
  readonly zoomBy: (factor: number) => void
  readonly showAll: () => void
}) {
  const { t } = useTranslation()
  const { ui } = useBoard()
  return (
    <>
      <span className="toolbar-divider" aria-hidden="true" />
      <button
        type="button"
        className="icon-button"
        aria-label={t('toolbar.zoomOut')}
        onClick={() => zoomBy(1 / ZOOM_STEP)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <button
        type="button"
        className="button button--quiet zoom-level"
        aria-label={t('toolbar.zoomReset', { percent })}
        onClick={() => ui.getState().zoomTo(1)}
      >
        {percent}
      </button>
      <button type="button" className="icon-button" aria-label={t('toolbar.zoomIn')} onClick={() => zoomBy(ZOOM_STEP)}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <button type="button" className="button button--quiet" onClick={showAll}>
        {t('toolbar.fit')}
      </button>
    </>
  )
}

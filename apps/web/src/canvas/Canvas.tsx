/**
 * The infinite canvas: a focusable region that pans and zooms, adds a note on double-click, and
 * moves the view with the keyboard when it has focus itself (not a note inside it). It remembers the
 * focused note for the outline, and gives focus back to it after a switch from there.
 */
import { type KeyboardEvent, type MouseEvent, useCallback, useRef, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { ClustersLayer } from '../clusters/ClustersLayer'
import { EDITING_HINT_ID, EditingHint } from '../editing/EditingHint'
import { SelectionBand, useRubberBand } from '../editing/useRubberBand'
import { CANVAS_ID } from '../lib/focusCanvas'
import { screenToWorld } from '../lib/geometry'
import { NoteDragContext } from '../notes/NoteDragContext'
import { CursorsLayer } from '../presence/CursorsLayer'
import { usePointerPresence } from '../presence/usePointerPresence'
import { RegionsLayer } from '../regions/RegionsLayer'
import { overviewNoteAt } from '../render/overviewDrawing'
import { ResultsLayer } from '../results/ResultsLayer'
import { useBoard, useCanEdit, useUi } from '../session/BoardContext'
import { addNoteAt } from '../session/commands'
import type { BoardSession } from '../session/session'
import type { UiStore } from '../session/uiStore'
import { rememberFocusedNote, useRestoreNoteFocus } from '../session/useRestoreNoteFocus'
import { NotesLayer } from './NotesLayer'
import { PrivateNotesLayer } from './PrivateNotesLayer'
import { isOnNote, useCanvasGestures } from './useCanvasGestures'
import { useFitRegionsOnOpen } from './useFitRegionsOnOpen'

const KEY_PAN_STEP = 60
const ZOOM_STEP = 1.25
const HINT_ID = 'board-canvas-hint'

function onCanvasKeyDown(store: UiStore, event: KeyboardEvent<HTMLElement>) {
  if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return
  const ui = store.getState()
  const step = event.shiftKey ? KEY_PAN_STEP * 4 : KEY_PAN_STEP
  const pans: Record<string, [number, number]> = {
    ArrowLeft: [step, 0],
    ArrowRight: [-step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  }
  const pan = pans[event.key]
  if (pan) ui.panBy(...pan)
  else if (event.key === '+' || event.key === '=') ui.zoomTo(ui.viewport.zoom * ZOOM_STEP)
  else if (event.key === '-') ui.zoomTo(ui.viewport.zoom / ZOOM_STEP)
  else if (event.key === '0') ui.zoomTo(1)
  else return
  event.preventDefault()
}

function noteElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.canvas [data-note-id="${CSS.escape(id)}"]`)
}

/** Centres the view on a note coming back from the outline, so the canvas renders it and it can take focus. */
function bringIntoView({ reader, ui: store }: BoardSession, id: string): void {
  const note = reader.getNote(id)
  if (!note) return
  const ui = store.getState()
  const { zoom } = ui.viewport
  const width = ui.size.width || window.innerWidth
  const height = ui.size.height || window.innerHeight
  ui.setViewport({
    zoom,
    x: width / 2 - (note.x + note.width / 2) * zoom,
    y: height / 2 - (note.y + note.height / 2) * zoom,
  })
}

function Backdrop() {
  const { x, y, zoom } = useUi((state) => state.viewport)
  const spacing = 24 * zoom
  return (
    <div
      className="canvas-backdrop"
      aria-hidden="true"
      style={{
        backgroundSize: `${spacing}px ${spacing}px`,
        backgroundPosition: `${x}px ${y}px`,
        opacity: zoom < 0.35 ? 0 : 1,
      }}
    />
  )
}

function Hint() {
  const { t } = useTranslation()
  const { reader } = useBoard()
  const canEdit = useCanEdit()
  const empty = useSyncExternalStore(reader.subscribeLayout, () => reader.getLayout().length === 0)
  return (
    <div className={empty ? 'canvas-empty' : 'visually-hidden'}>
      {empty && <p>{canEdit ? t('canvas.empty') : t('canvas.emptyReadOnly')}</p>}
      <p id={HINT_ID}>{canEdit ? t('canvas.hint') : t('canvas.hintReadOnly')}</p>
    </div>
  )
}

export function Canvas() {
  const { t } = useTranslation()
  const session = useBoard()
  const ref = useRef<HTMLElement>(null)
  const gestures = useCanvasGestures(ref)
  useRubberBand(ref)
  usePointerPresence(ref)
  useFitRegionsOnOpen(ref)
  const prepare = useCallback((id: string) => bringIntoView(session, id), [session])
  useRestoreNoteFocus(noteElement, prepare)

  const onDoubleClick = (event: MouseEvent<HTMLElement>) => {
    if (isOnNote(event.target)) return
    const bounds = event.currentTarget.getBoundingClientRect()
    const point = { x: event.clientX - bounds.left, y: event.clientY - bounds.top }
    // On a note drawn on the overview canvas, zooms in to 100 % around it instead.
    const hit = overviewNoteAt(point)
    if (hit) {
      session.ui.getState().select([hit])
      session.ui.getState().zoomTo(1, point)
      return
    }
    addNoteAt(session, screenToWorld(session.ui.getState().viewport, point))
  }

  return (
    <section
      ref={ref}
      id={CANVAS_ID}
      className="canvas"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes focus so arrow keys and +/- can move the view.
      tabIndex={0}
      aria-label={t('canvas.label')}
      aria-describedby={`${HINT_ID} ${EDITING_HINT_ID}`}
      onKeyDown={(event) => onCanvasKeyDown(session.ui, event)}
      onFocus={(event) => rememberFocusedNote(session.ui, event.target, 'data-note-id')}
      onDoubleClick={onDoubleClick}
      {...gestures}
    >
      <Backdrop />
      <RegionsLayer />
      <ClustersLayer />
      <NoteDragContext>
        <NotesLayer />
      </NoteDragContext>
      <PrivateNotesLayer />
      <ResultsLayer />
      <CursorsLayer />
      <SelectionBand />
      <Hint />
      <EditingHint />
    </section>
  )
}

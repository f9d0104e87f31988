/**
 * Local UI state of one open board, in a zustand store the session creates: the view (canvas or outline), viewport, selection,
 * the note being edited, the note last focused, a drag in progress, a pending focus and the current notice. Never note data — the Y.Doc owns that, and
 * components read it through the board reader.
 */
import type { BoardErrorCode } from '@samla/board'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { HOME_VIEWPORT, type Point, type Size, type Viewport, zoomAround } from '../lib/geometry'
import { readStored, writeStored } from '../lib/storage'
import type { DotRefusal } from './votes'

export interface DragState {
  readonly ids: readonly string[]
  /** Offset so far, in world units. */
  readonly dx: number
  readonly dy: number
}

export type BoardView = 'canvas' | 'outline'

/**
 * What a notice says: a board write that changed nothing, a dot the relay did not place, or that the
 * board reopened with the facilitator's new link.
 */
export type NoticeCode = BoardErrorCode | DotRefusal | 'own-link-replaced'

interface UiState {
  readonly view: BoardView
  /** The note that last had focus in either view, so switching views can put focus back on it. */
  readonly focusedNote: string | null
  /** Set by a view switch: the view shown next moves focus to `focusedNote` once it is rendered. */
  readonly restoreFocus: boolean
  readonly viewport: Viewport
  readonly size: Size
  readonly selection: readonly string[]
  readonly editingId: string | null
  readonly drag: DragState | null
  /** A note whose text field should take focus as soon as it is rendered (a note just added). */
  readonly focusRequest: string | null
  readonly notice: NoticeCode | null
}

interface UiActions {
  switchView(view: BoardView): void
  setFocusedNote(id: string | null): void
  focusRestored(): void
  setViewport(viewport: Viewport): void
  panBy(dx: number, dy: number): void
  zoomTo(zoom: number, anchor?: Point): void
  setSize(size: Size): void
  select(ids: readonly string[]): void
  toggleSelected(id: string): void
  setEditing(id: string | null): void
  setDrag(drag: DragState | null): void
  requestFocus(id: string | null): void
  showNotice(code: NoticeCode | null): void
}

export type Ui = UiState & UiActions
export type UiStore = StoreApi<Ui>

const VIEW_KEY = 'samla.view'

/**
 * The canvas is measured before the board's first paint; until then the window, which holds it,
 * stands in, so the notes in view are rendered in the board's first pass rather than a second one.
 */
const windowSize = (): Size =>
  typeof window === 'undefined' ? { width: 0, height: 0 } : { width: window.innerWidth, height: window.innerHeight }

const initial = (): UiState => ({
  // A screen-reader user who chose the outline gets it again on every board, on this device.
  view: readStored(VIEW_KEY) === 'outline' ? 'outline' : 'canvas',
  focusedNote: null,
  restoreFocus: false,
  viewport: HOME_VIEWPORT,
  size: windowSize(),
  selection: [],
  editingId: null,
  drag: null,
  focusRequest: null,
  notice: null,
})

export const createUiStore = (): UiStore =>
  createStore<Ui>()((set, get) => ({
    ...initial(),
    switchView: (view) => {
      writeStored(VIEW_KEY, view)
      set(({ focusedNote }) => ({ view, restoreFocus: focusedNote !== null }))
    },
    setFocusedNote: (focusedNote) => set({ focusedNote }),
    focusRestored: () => set({ restoreFocus: false }),
    setViewport: (viewport) => set({ viewport }),
    panBy: (dx, dy) => set(({ viewport }) => ({ viewport: { ...viewport, x: viewport.x + dx, y: viewport.y + dy } })),
    zoomTo: (zoom, anchor) => {
      const { viewport, size } = get()
      set({ viewport: zoomAround(viewport, anchor ?? { x: size.width / 2, y: size.height / 2 }, zoom) })
    },
    setSize: (size) => set({ size }),
    select: (ids) => set({ selection: ids }),
    toggleSelected: (id) =>
      set(({ selection }) => ({
        selection: selection.includes(id) ? selection.filter((other) => other !== id) : [...selection, id],
      })),
    setEditing: (editingId) => set({ editingId }),
    setDrag: (drag) => set({ drag }),
    requestFocus: (focusRequest) => set({ focusRequest }),
    showNotice: (notice) => set({ notice }),
  }))

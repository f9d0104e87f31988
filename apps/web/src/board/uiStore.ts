/**
 * Local UI state of the open board, in zustand: viewport, selection, the note being edited, a drag
 * in progress, a pending focus and the current notice. Never note data — the Y.Doc owns that, and
 * components read it through the board reader.
 */
import type { BoardErrorCode } from '@samla/board'
import { create } from 'zustand'
import { HOME_VIEWPORT, type Point, type Size, type Viewport, zoomAround } from '../canvas/geometry'

export interface DragState {
  readonly ids: readonly string[]
  /** Offset so far, in world units. */
  readonly dx: number
  readonly dy: number
}

interface UiState {
  readonly viewport: Viewport
  readonly size: Size
  readonly selection: readonly string[]
  readonly editingId: string | null
  readonly drag: DragState | null
  /** A note whose text field should take focus as soon as it is rendered (a note just added). */
  readonly focusRequest: string | null
  readonly notice: BoardErrorCode | null
}

interface UiActions {
  setViewport(viewport: Viewport): void
  panBy(dx: number, dy: number): void
  zoomTo(zoom: number, anchor?: Point): void
  setSize(size: Size): void
  select(ids: readonly string[]): void
  toggleSelected(id: string): void
  setEditing(id: string | null): void
  setDrag(drag: DragState | null): void
  requestFocus(id: string | null): void
  showNotice(code: BoardErrorCode | null): void
  reset(): void
}

const initial: UiState = {
  viewport: HOME_VIEWPORT,
  size: { width: 0, height: 0 },
  selection: [],
  editingId: null,
  drag: null,
  focusRequest: null,
  notice: null,
}

export const useUi = create<UiState & UiActions>()((set, get) => ({
  ...initial,
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
  reset: () => set(initial),
}))

/**
 * What the Excalidraw reference page exposes to the bench as `window.__bench`, once Excalidraw has
 * handed over its imperative API. The bench drives the page only through this and real input.
 */
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'

export interface ExcalidrawBench {
  readonly api: ExcalidrawImperativeAPI
  /** Zooms to fit every element (Excalidraw's own zoom-to-fit), resolving with the zoom it chose once applied. */
  fit(): Promise<number>
  /** screen = (scene + scroll) × zoom, relative to the canvas's top-left corner. */
  setView(zoom: number, scrollX: number, scrollY: number): void
  /** Selects these elements, resolving with how many Excalidraw has selected once the update is applied. */
  select(ids: readonly string[]): Promise<number>
  /** A remote collaborator's edits to the label of the note nearest the centre, one character per interval. */
  typeNearCentre(text: string, intervalMs: number): Promise<void>
}

declare global {
  interface Window {
    __bench?: ExcalidrawBench
  }
}

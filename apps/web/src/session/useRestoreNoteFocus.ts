/**
 * After a switch between the canvas and the outline, puts focus back on the note that had it, in
 * the view just shown. The element may need a few frames to appear (the canvas renders only what is
 * in view, so `prepare` brings the note into view first); after a short wait the attempt is dropped.
 */
import { useEffect } from 'react'
import { useBoard, useUi } from './BoardContext'
import type { UiStore } from './uiStore'

const MAX_FRAMES = 30

export function useRestoreNoteFocus(find: (id: string) => HTMLElement | null, prepare?: (id: string) => void): void {
  const { ui } = useBoard()
  const restore = useUi((state) => state.restoreFocus)
  useEffect(() => {
    const id = ui.getState().focusedNote
    if (!restore || !id) return
    prepare?.(id)
    let frames = 0
    let handle = 0
    const attempt = () => {
      const element = find(id)
      if (element || ++frames > MAX_FRAMES) {
        element?.focus()
        ui.getState().focusRestored()
        return
      }
      handle = requestAnimationFrame(attempt)
    }
    handle = requestAnimationFrame(attempt)
    return () => cancelAnimationFrame(handle)
  }, [restore, find, prepare, ui])
}

/** Remembers the note a focus event happened in (its element carries the note id in `attribute`). */
export function rememberFocusedNote(ui: UiStore, target: EventTarget, attribute: string): void {
  const id = target instanceof Element ? target.closest(`[${attribute}]`)?.getAttribute(attribute) : null
  if (id) ui.getState().setFocusedNote(id)
}

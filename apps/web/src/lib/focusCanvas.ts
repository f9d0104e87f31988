/** Moves keyboard focus to the canvas, so it is not lost to <body> when the focused note disappears. */
export const CANVAS_ID = 'board-canvas'

export function focusCanvas(): void {
  document.getElementById(CANVAS_ID)?.focus({ preventScroll: true })
}

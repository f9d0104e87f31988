/** Finding and focusing a note's item in the outline, by its id. */
export const OUTLINE_NOTE = 'data-outline-note'

export function outlineNoteElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${OUTLINE_NOTE}="${CSS.escape(id)}"]`)
}

export function focusOutlineNote(id: string): void {
  outlineNoteElement(id)?.focus()
}

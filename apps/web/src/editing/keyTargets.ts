/** Where a key press or clipboard event happened, for deciding whether a board shortcut may take it. */

/** A field with its own typing, selection, undo and clipboard: board shortcuts leave it alone. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Inside an open dialog, the board behind it is out of reach. */
export function isInDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null
}

/** The note element itself (not a control inside it) when it has focus, else null. */
export function focusedNoteId(target: EventTarget | null): string | null {
  return target instanceof HTMLElement && target.matches('[data-note-id]') ? (target.dataset.noteId ?? null) : null
}

export function hasCommandKey(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey
}

/**
 * The one keydown listener of the board screen: it hands a key to the first shortcut of the
 * registry (shortcuts.ts) that applies where the key was pressed and takes it. Nothing runs in a
 * dialog, while composing text, with Alt, or while a keyboard drag owns the arrows and Escape.
 */
import { useEffect } from 'react'
import { isSingleKey } from '../lib/shortcutSettings'
import type { BoardSession } from '../session/session'
import { focusedNoteId, isInDialog, isTextEntry } from './keyTargets'
import { SHORTCUTS, type Shortcut } from './shortcuts'

function applies(shortcut: Shortcut, event: KeyboardEvent, noteId: string | null): boolean {
  if (shortcut.singleKey && !isSingleKey(event)) return false
  if (shortcut.scope === 'anywhere') return true
  if (isTextEntry(event.target)) return false
  return shortcut.scope === 'board' || noteId !== null
}

function onKey(session: BoardSession, event: KeyboardEvent): Shortcut | null {
  if (event.defaultPrevented || event.isComposing || event.altKey || isInDialog(event.target)) return null
  if (session.ui.getState().drag) return null
  const noteId = focusedNoteId(event.target)
  for (const shortcut of SHORTCUTS) {
    if (shortcut.matches(event) && applies(shortcut, event, noteId) && shortcut.run(session, event, noteId)) {
      return shortcut
    }
  }
  return null
}

export function useBoardShortcuts(session: BoardSession): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const taken = onKey(session, event)
      if (!taken) return
      event.preventDefault()
      // A single key goes on to anyone else listening, as a plain key press would.
      if (!taken.singleKey) event.stopPropagation()
    }
    // Capture: on a note, Shift+Space and the arrows must be seen before the drag sensor's Space.
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [session])
}

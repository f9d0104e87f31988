/**
 * The N shortcut: adds a note in view, unless single-key shortcuts are off, the key is meant for a
 * text field, a drag is running or the person may not edit.
 */
import { useEffect } from 'react'
import { isSingleKey } from '../lib/shortcutSettings'
import { addNoteInView } from '../session/commands'
import { type BoardSession, mayEditBoard } from '../session/session'
import { useUi } from '../session/uiStore'

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useAddNoteShortcut(session: BoardSession): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'n' && event.key !== 'N') return
      if (!isSingleKey(event) || event.repeat) return
      if (isTextEntry(event.target) || useUi.getState().drag || !mayEditBoard(session)) return
      event.preventDefault()
      addNoteInView(session)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [session])
}

/**
 * The board's editing keys, anywhere on the board screen except in text fields (which keep their
 * own undo, select-all and arrows) and in dialogs: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y
 * redo, Ctrl/Cmd+A select all notes, Escape clear the selection, Ctrl/Cmd+F go to the search field
 * (from text fields too). On a focused note, arrows nudge the selection and Shift+Space adds the
 * note to it or takes it out — taken before the note's own handlers, where Space would lift it.
 */
import { useEffect } from 'react'
import type { BoardSession } from '../session/session'
import { mayEditBoard } from '../session/session'
import { useUi } from '../session/uiStore'
import { SEARCH_FIELD_ID } from '../search/SearchPanel'
import { nudgeSelection, redoOwnChange, selectAll, undoOwnChange } from './editCommands'
import { focusedNoteId, hasCommandKey, isInDialog, isTextEntry } from './keyTargets'
import { actionTargets } from './selection'

function commandKey(session: BoardSession, event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase()
  if (key === 'f') {
    document.getElementById(SEARCH_FIELD_ID)?.focus()
    return true
  }
  if (isTextEntry(event.target)) return false
  if (key === 'z' && event.shiftKey) redoOwnChange(session)
  else if (key === 'z' || (key === 'y' && event.ctrlKey)) (key === 'y' ? redoOwnChange : undoOwnChange)(session)
  else if (key === 'a') selectAll(session)
  else return false
  return true
}

function noteKey(session: BoardSession, event: KeyboardEvent, id: string): boolean {
  const ui = useUi.getState()
  if (event.key === ' ' && event.shiftKey) {
    ui.toggleSelected(id)
    return true
  }
  if (!event.key.startsWith('Arrow') || !mayEditBoard(session)) return false
  const targets = actionTargets(ui.selection, id)
  if (targets !== ui.selection) ui.select(targets)
  return nudgeSelection(session, event.key, event.shiftKey)
}

/** Escape clears the selection from the board itself; elsewhere (a menu in the header) it is theirs. */
function onBoard(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.board-stage') !== null)
}

function onKey(session: BoardSession, event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.altKey || isInDialog(event.target)) return false
  // A keyboard drag in progress owns the arrows and Escape.
  if (useUi.getState().drag) return false
  if (hasCommandKey(event)) return commandKey(session, event)
  if (isTextEntry(event.target)) return false
  const noteId = focusedNoteId(event.target)
  if (noteId) return noteKey(session, event, noteId)
  if (event.key === 'Escape' && onBoard(event.target) && useUi.getState().selection.length > 0) {
    useUi.getState().select([])
    return true
  }
  return false
}

export function useEditingShortcuts(session: BoardSession): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!onKey(session, event)) return
      event.preventDefault()
      event.stopPropagation()
    }
    // Capture: on a note, Shift+Space and the arrows must be seen before the drag sensor's Space.
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [session])
}

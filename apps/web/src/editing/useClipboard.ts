/**
 * Copy and paste of notes through the browser's own clipboard events (so Ctrl/Cmd+C and +V, and
 * the browser's menu, work without a clipboard permission). Copying with notes selected puts them
 * on the clipboard as our JSON and as plain text; pasting our JSON — from this board or another —
 * or plain text adds new notes. Text fields and dialogs keep the ordinary clipboard.
 */
import { useEffect } from 'react'
import type { BoardSession } from '../session/session'
import { NOTES_MIME, notesFromText, parseNotesJson, serialiseNotes } from './clipboard'
import { pasteNotes, selectedNotes } from './editCommands'
import { isInDialog, isTextEntry } from './keyTargets'

function forBoard(event: ClipboardEvent): boolean {
  return !event.defaultPrevented && !isTextEntry(event.target) && !isInDialog(event.target)
}

export function useClipboard(session: BoardSession): void {
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (!forBoard(event) || !event.clipboardData) return
      const notes = selectedNotes(session).flatMap((id) => session.reader.getNote(id) ?? [])
      // Text the person selected on the page (outside a field) is theirs to copy as usual.
      if (notes.length === 0 || document.getSelection()?.isCollapsed === false) return
      const { json, text } = serialiseNotes(notes)
      event.clipboardData.setData(NOTES_MIME, json)
      event.clipboardData.setData('text/plain', text)
      event.preventDefault()
    }
    const onPaste = (event: ClipboardEvent) => {
      if (!forBoard(event) || !event.clipboardData) return
      const data = event.clipboardData
      const notes = parseNotesJson(data.getData(NOTES_MIME)) ?? notesFromText(data.getData('text/plain'))
      if (notes.length === 0) return
      event.preventDefault()
      pasteNotes(session, notes)
    }
    document.addEventListener('copy', onCopy)
    document.addEventListener('paste', onPaste)
    return () => {
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('paste', onPaste)
    }
  }, [session])
}

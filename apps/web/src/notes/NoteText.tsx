/**
 * A note's text field, a shared text field (components/remoteText.ts): a collaborator's edit is
 * written into it with the caret rebased instead of jumping to the end. Each
 * keystroke goes to setNoteText, which applies only the changed middle to the shared text. Read-only,
 * it stays a focusable, selectable text field that cannot be typed into.
 */
import { MAX_NOTE_TEXT_LENGTH } from '@samla/board'
import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useBoard, useUi } from '../session/BoardContext'
import { editNoteText } from '../session/commands'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useRemoteText } from '../components/remoteText'

export function NoteText({
  id,
  text,
  readOnly,
}: {
  readonly id: string
  readonly text: string
  readonly readOnly: boolean
}) {
  const { strings } = useBoardLanguage()
  const session = useBoard()
  const ref = useRef<HTMLTextAreaElement>(null)
  const focusRequested = useUi((state) => state.focusRequest === id)

  useRemoteText(ref, text)

  useEffect(() => {
    if (!focusRequested) return
    ref.current?.focus()
    session.ui.getState().requestFocus(null)
  }, [focusRequested, session])

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Escape') return
    // Escape leaves the text but keeps focus on the note, ready to move or delete it.
    event.preventDefault()
    event.currentTarget.closest<HTMLElement>('[data-note-id]')?.focus()
  }

  return (
    <textarea
      ref={ref}
      className="note-text"
      defaultValue={text}
      aria-label={strings.text}
      readOnly={readOnly}
      maxLength={MAX_NOTE_TEXT_LENGTH}
      onChange={(event) => {
        const field = event.currentTarget
        if (!editNoteText(session, id, field.value)) field.value = session.reader.getNote(id)?.text ?? ''
      }}
      onFocus={() => session.ui.getState().setEditing(id)}
      onBlur={() => {
        if (session.ui.getState().editingId === id) session.ui.getState().setEditing(null)
      }}
      onKeyDown={onKeyDown}
    />
  )
}

/**
 * A note's text field. It is uncontrolled on purpose: when a collaborator's edit arrives, the
 * value is replaced by hand so the caret can be rebased instead of jumping to the end. Each
 * keystroke goes to setNoteText, which applies only the changed middle to the shared text. Read-only,
 * it stays a focusable, selectable text field that cannot be typed into.
 */
import { MAX_NOTE_TEXT_LENGTH } from '@samla/board'
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react'
import { useBoard } from '../session/BoardContext'
import { editNoteText } from '../session/commands'
import { useUi } from '../session/uiStore'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { rebaseOffset } from '../components/textSync'

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

  useLayoutEffect(() => {
    const field = ref.current
    if (!field || field.value === text) return
    const { value, selectionStart, selectionEnd } = field
    const focused = document.activeElement === field
    field.value = text
    if (focused)
      field.setSelectionRange(rebaseOffset(value, text, selectionStart), rebaseOffset(value, text, selectionEnd))
  }, [text])

  useEffect(() => {
    if (!focusRequested) return
    ref.current?.focus()
    useUi.getState().requestFocus(null)
  }, [focusRequested])

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
      onFocus={() => useUi.getState().setEditing(id)}
      onBlur={() => {
        if (useUi.getState().editingId === id) useUi.getState().setEditing(null)
      }}
      onKeyDown={onKeyDown}
    />
  )
}

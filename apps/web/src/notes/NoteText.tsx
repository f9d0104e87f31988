/**
 * A note's text field, a shared text field (components/remoteText.ts): a collaborator's edit is
 * written into it with the caret rebased instead of jumping to the end. Each
 * keystroke goes to setNoteText, which applies only the changed middle to the shared text. Read-only,
 * it stays a focusable, selectable text field that cannot be typed into.
 */
import { MAX_NOTE_TEXT_LENGTH } from '@samla/board'
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react'
import { useBoard, useUi } from '../session/BoardContext'
import { editNoteText } from '../session/commands'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useRemoteText } from '../components/remoteText'
import { storeGrownSize } from './noteFit'

/** Browsers that size a text field to its content in CSS (notes.css) need no measuring here. */
const SIZES_ITSELF = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')

/** Elsewhere the field is as tall as its text, measured whenever the text changes. */
function fitToText(field: HTMLTextAreaElement | null): void {
  if (SIZES_ITSELF || !field) return
  field.style.height = 'auto'
  field.style.height = `${field.scrollHeight}px`
}

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
  // Measured again whenever the text changes, whoever changed it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the text is the reason to measure, not an input.
  useLayoutEffect(() => fitToText(ref.current), [text])

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
        fitToText(field)
        // Once drawn with the new text: a note that grew keeps that size on the board (one undo step with the text).
        requestAnimationFrame(() => {
          const note = field.closest<HTMLElement>('[data-note-id]')
          if (note) storeGrownSize(session, id, note, { continues: `text:${id}` })
        })
      }}
      onFocus={() => session.ui.getState().setEditing(id)}
      onBlur={() => {
        if (session.ui.getState().editingId === id) session.ui.getState().setEditing(null)
      }}
      onKeyDown={onKeyDown}
    />
  )
}

/** A note's colour menu (colours by name, never by colour alone) and its delete button. */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext'
import { recolourNote, removeNotes } from '../board/commands'
import { focusCanvas } from '../canvas/focusCanvas'

export function ColourSelect({
  id,
  colour,
  disabled,
}: {
  readonly id: string
  readonly colour: NoteColour
  readonly disabled: boolean
}) {
  const { t } = useTranslation()
  const session = useBoard()
  // Until someone reaches for it, the menu holds only the current colour: a board shows dozens of
  // notes at once, and their ten options each would be most of what a note costs to render. Focus
  // (by keyboard or the pointer press that opens it) fills it in before the list can open.
  const [opened, setOpened] = useState(false)
  const open = () => setOpened(true)
  return (
    <select
      className="note-colour"
      aria-label={t('note.colour')}
      value={colour}
      disabled={disabled}
      onFocus={open}
      onPointerDown={open}
      onChange={(event) => recolourNote(session, id, event.currentTarget.value as NoteColour)}
    >
      {(opened ? NOTE_COLOURS : [colour]).map((name) => (
        <option key={name} value={name}>
          {t(`colours.${name}`)}
        </option>
      ))}
    </select>
  )
}

export function DeleteNoteButton({ id }: { readonly id: string }) {
  const { t } = useTranslation()
  const session = useBoard()
  return (
    <button
      type="button"
      className="note-delete icon-button"
      aria-label={t('note.delete')}
      title={t('note.delete')}
      onClick={() => {
        removeNotes(session, [id])
        focusCanvas()
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </button>
  )
}

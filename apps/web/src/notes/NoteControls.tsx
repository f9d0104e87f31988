/** A note's colour menu (colours by name, never by colour alone) and its delete button. */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext'
import { recolourNote, removeNotes } from '../board/commands'
import { focusCanvas } from '../canvas/focusCanvas'
import { CloseIcon } from '../components/CloseIcon'

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
  return (
    <select
      className="note-colour"
      aria-label={t('note.colour')}
      value={colour}
      disabled={disabled}
      onChange={(event) => recolourNote(session, id, event.currentTarget.value as NoteColour)}
    >
      {NOTE_COLOURS.map((name) => (
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
      <CloseIcon />
    </button>
  )
}

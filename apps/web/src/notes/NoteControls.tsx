/** A note's colour menu (colours by name, never by colour alone) and its delete button. */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import { useBoard } from '../session/BoardContext'
import { recolourNote, removeNotes } from '../session/commands'
import { focusCanvas } from '../lib/focusCanvas'
import { CloseIcon } from '../components/CloseIcon'
import { useBoardLanguage } from '../i18n/BoardLanguage'

export function ColourSelect({
  id,
  colour,
  disabled,
}: {
  readonly id: string
  readonly colour: NoteColour
  readonly disabled: boolean
}) {
  const { strings } = useBoardLanguage()
  const session = useBoard()
  return (
    <select
      className="note-colour"
      aria-label={strings.colour}
      value={colour}
      disabled={disabled}
      onChange={(event) => recolourNote(session, id, event.currentTarget.value as NoteColour)}
    >
      {NOTE_COLOURS.map((name) => (
        <option key={name} value={name}>
          {strings.colours[name]}
        </option>
      ))}
    </select>
  )
}

export function DeleteNoteButton({ id }: { readonly id: string }) {
  const { strings } = useBoardLanguage()
  const session = useBoard()
  return (
    <button
      type="button"
      className="note-delete icon-button"
      aria-label={strings.delete}
      title={strings.delete}
      onClick={() => {
        removeNotes(session, [id])
        focusCanvas()
      }}
    >
      <CloseIcon />
    </button>
  )
}

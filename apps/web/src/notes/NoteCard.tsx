/**
 * One sticky note. It subscribes to exactly its own note in the doc, so typing in another note (or a
 * collaborator moving one) never re-renders it, and it is memoised against the board's re-renders.
 * Zoomed out it sheds detail (controls, then text), which keeps a zoomed-out view of a large board light.
 * When the person may not edit, the note is read-only: readable text, no dragging, no controls that write.
 */
import { type KeyboardEvent, memo, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useCanEdit, useNote } from '../board/BoardContext'
import { raiseNotes, removeNotes } from '../board/commands'
import { useUi } from '../board/uiStore'
import { focusCanvas } from '../canvas/focusCanvas'
import { NoteBadges } from '../presence/NoteBadges'
import { PrivateMark, useIsPrivateNote } from '../private/PrivateMark'
import type { Detail } from '../render/detail'
import { VoteButtons } from '../voting/VoteButtons'
import { DraggableNote } from './DraggableNote'
import { ColourSelect, DeleteNoteButton } from './NoteControls'
import { NoteText } from './NoteText'
import { textStart } from './textStart'

const LABEL_TEXT_LENGTH = 40

/** `detail` comes from the notes layer (render/detail.ts): a coloured block keeps its text in its name. */
export const NoteCard = memo(function NoteCard({
  id,
  z,
  detail,
}: {
  readonly id: string
  readonly z: number
  readonly detail: Detail
}) {
  const { t } = useTranslation()
  const session = useBoard()
  const note = useNote(id)
  const canEdit = useCanEdit()
  const isPrivate = useIsPrivateNote()
  const selected = useUi((state) => state.selection.includes(id))
  if (!note) return null

  const colour = t(`colours.${note.colour}`)
  const start = textStart(note.text, LABEL_TEXT_LENGTH)
  const label = start ? t('note.label', { colour, text: start }) : t('note.labelEmpty', { colour })

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return
    const ui = useUi.getState()
    if (event.shiftKey) {
      ui.toggleSelected(id)
      return
    }
    const ids = ui.selection.includes(id) ? ui.selection : [id]
    if (ids !== ui.selection) ui.select(ids)
    if (canEdit) raiseNotes(session, ids)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return
    const ui = useUi.getState()
    if ((event.key === 'Delete' || event.key === 'Backspace') && canEdit) {
      event.preventDefault()
      removeNotes(session, ui.selection.includes(id) ? ui.selection : [id])
      focusCanvas()
    } else if (event.key === 'Enter') {
      event.preventDefault()
      ui.requestFocus(id)
    } else if (event.key === 'Escape') {
      ui.select([])
    }
  }

  return (
    <DraggableNote
      layout={note}
      z={z}
      label={isPrivate ? t('facilitation.private.noteLabel', { label }) : label}
      roleDescription={canEdit ? t('note.roleDescription') : t('note.roleDescriptionReadOnly')}
      selected={selected}
      disabled={!canEdit}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    >
      {detail !== 'block' && (
        <div className="note-header">
          <span className="note-grip" aria-hidden="true" />
          <span className="note-author">{t('note.author', { name: note.authorName || t('user.anonymous') })}</span>
          {detail === 'full' && canEdit && <DeleteNoteButton id={id} />}
        </div>
      )}
      {isPrivate && detail !== 'block' && <PrivateMark />}
      {detail === 'full' && <NoteText id={id} text={note.text} readOnly={!canEdit} />}
      {detail === 'compact' && <p className="note-static">{note.text}</p>}
      {detail === 'full' && <VoteButtons id={id} />}
      {detail === 'full' && (
        <div className="note-footer">
          <ColourSelect id={id} colour={note.colour} disabled={!canEdit} />
        </div>
      )}
      {!isPrivate && <NoteBadges id={id} />}
    </DraggableNote>
  )
})

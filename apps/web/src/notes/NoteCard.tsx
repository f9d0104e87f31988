/**
 * One sticky note. It subscribes to exactly its own note in the doc, so typing in another note (or a
 * collaborator moving one) never re-renders it, and it is memoised against the board's re-renders.
 * Its content is memoised apart from its place, so moving or restacking many notes at once (a drop,
 * a raise) re-renders only their positioned shells.
 * Zoomed out it sheds detail (controls, then text), which keeps a zoomed-out view of a large board light.
 * When the person may not edit, the note is read-only: readable text, no dragging, no controls that write.
 */
import { DEFAULT_NOTE_COLOUR, type NoteOrigin, type NoteSnapshot } from '@samla/board'
import type { TFunction } from 'i18next'
import { type KeyboardEvent, type MouseEvent, memo, type PointerEvent, useMemo } from 'react'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { noteByline } from '../i18n/byline'
import { focusCanvas } from '../lib/focusCanvas'
import { textStart } from '../lib/textStart'
import { NoteBadges } from '../presence/NoteBadges'
import { PrivateMark, useIsPrivateNote } from '../private/PrivateMark'
import { OriginMark, withOrigin } from '../regions/OriginMark'
import type { Detail } from '../render/detail'
import { useBoard, useCanEdit, useNote, useUi } from '../session/BoardContext'
import { raiseNotes, removeNotes } from '../session/commands'
import { type StackInfo, StackMark, useStackInfo, withStack } from '../stacks/StackMark'
import { VoteButtons } from '../voting/VoteButtons'
import { DraggableNote } from './DraggableNote'
import { ColourSelect, DeleteNoteButton } from './NoteControls'
import { NoteResizeHandle } from './NoteResizeHandle'
import { NoteText } from './NoteText'
import { fittedWidth, textSizeFor } from './noteFit'

const LABEL_TEXT_LENGTH = 40
/** The note's own controls that do something: a click on one is not a click on the note. */
const NOTE_ACTIONS = 'button, select, a, input'

/**
 * The note's accessible name: its colour, the start of its text and, for a copy from a merged board,
 * where it came from and the stack it is in. Kept while only its place changes.
 */
function useNoteLabel(
  t: TFunction,
  colour: string,
  text: string,
  isPrivate: boolean,
  origin: NoteOrigin | undefined,
  stack: StackInfo | null,
): string {
  return useMemo(() => {
    const start = textStart(text, LABEL_TEXT_LENGTH)
    const label = start ? t('note.label', { colour, text: start }) : t('note.labelEmpty', { colour })
    return isPrivate
      ? t('facilitation.private.noteLabel', { label })
      : withStack(t, withOrigin(t, label, origin), stack)
  }, [t, colour, text, isPrivate, origin, stack])
}

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
  const { t, strings } = useBoardLanguage()
  const session = useBoard()
  const note = useNote(id)
  const canEdit = useCanEdit()
  const isPrivate = useIsPrivateNote()
  const selected = useUi((state) => state.selection.includes(id))
  const stack = useStackInfo(id)
  const label = useNoteLabel(
    t,
    strings.colours[note?.colour ?? DEFAULT_NOTE_COLOUR],
    note?.text ?? '',
    isPrivate,
    note?.origin,
    stack,
  )
  // Like the label, kept while only the note's place changes (a drop re-renders many notes at once).
  const authorId = note?.authorId ?? ''
  const authorName = note?.authorName ?? ''
  const byline = useMemo(() => noteByline(t, { authorId, authorName }), [t, authorId, authorName])
  if (!note) return null

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return
    const ui = session.ui.getState()
    if (event.shiftKey) {
      ui.toggleSelected(id)
      return
    }
    if (!ui.selection.includes(id)) ui.select([id])
  }

  // A click on the note or its text brings it (or the selection it is in) to the front; a drag does so
  // at the drop, so picking up many notes costs no restacking before they move. Its buttons and menus
  // act without restacking (the delete button's click would otherwise reach a note already gone).
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.shiftKey || !canEdit) return
    if (event.target instanceof Element && event.target.closest(NOTE_ACTIONS)) return
    const { selection } = session.ui.getState()
    raiseNotes(session, selection.includes(id) ? selection : [id])
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return
    const ui = session.ui.getState()
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
      textSize={textSizeFor(note.text.length)}
      shownWidth={fittedWidth(note.width, note.text.length)}
      z={z}
      label={label}
      roleDescription={canEdit ? strings.roleDescription : strings.roleDescriptionReadOnly}
      selected={selected}
      disabled={!canEdit}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onClick={onClick}
    >
      <NoteContent
        id={id}
        detail={detail}
        text={note.text}
        colour={note.colour}
        origin={note.origin}
        stack={stack}
        byline={byline}
        canEdit={canEdit}
        isPrivate={isPrivate}
      />
    </DraggableNote>
  )
})

interface NoteContentProps extends Pick<NoteSnapshot, 'id' | 'text' | 'colour' | 'origin'> {
  readonly stack: StackInfo | null
  /** The author line (see byline.ts). */
  readonly byline: string
  readonly detail: Detail
  readonly canEdit: boolean
  readonly isPrivate: boolean
}

/** What is on the note, at its level of detail: it does not depend on where the note is. */
const NoteContent = memo(function NoteContent({
  id,
  detail,
  text,
  colour,
  origin,
  stack,
  byline,
  canEdit,
  isPrivate,
}: NoteContentProps) {
  const { t } = useBoardLanguage()
  return (
    <>
      {detail !== 'block' && (
        <div className="note-header">
          <span className="note-grip" aria-hidden="true" />
          <span className="note-author">{byline}</span>
          {origin && <OriginMark t={t} origin={origin} />}
          {detail === 'full' && canEdit && <DeleteNoteButton id={id} />}
        </div>
      )}
      {isPrivate && detail !== 'block' && <PrivateMark />}
      {stack && detail !== 'block' && <StackMark stack={stack} />}
      {detail === 'full' && <NoteText id={id} text={text} readOnly={!canEdit} />}
      {detail === 'compact' && <p className="note-static">{text}</p>}
      {detail === 'full' && <VoteButtons id={id} />}
      {detail === 'full' && (
        <div className="note-footer">
          <ColourSelect id={id} colour={colour} disabled={!canEdit} />
          {canEdit && <NoteResizeHandle id={id} />}
        </div>
      )}
      {!isPrivate && <NoteBadges id={id} />}
    </>
  )
})

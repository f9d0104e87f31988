/**
 * One note in the outline: its text field, colour by name, author (unless anonymous) and dots, and
 * every action the canvas offers — recolour, move to another group, vote, delete — as plain
 * controls, under the same role, lock and phase rules. The item itself takes focus: arrows move
 * between notes, Enter edits, Delete removes, Escape in the text comes back to the item.
 */
import { type KeyboardEvent, memo } from 'react'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { textStart } from '../lib/textStart'
import { ColourSelect } from '../notes/NoteControls'
import { NoteText } from '../notes/NoteText'
import { PrivateMark, useIsPrivateNote } from '../private/PrivateMark'
import { OriginMark, withOrigin } from '../regions/OriginMark'
import { useBoard, useCanEdit, useNote } from '../session/BoardContext'
import { removeNotes } from '../session/commands'
import { StackMark, useStackInfo, withStack } from '../stacks/StackMark'
import { VoteButtons } from '../voting/VoteButtons'
import { MoveSelect } from './MoveSelect'
import { focusOutlineNote, OUTLINE_NOTE } from './outlineFocus'

const LABEL_TEXT_LENGTH = 60

function onItemKeyDown(event: KeyboardEvent<HTMLElement>, remove: (() => void) | null): void {
  const item = event.currentTarget
  if (event.key === 'Escape' && event.target !== item) {
    item.focus()
    return
  }
  if (event.target !== item || event.altKey || event.ctrlKey || event.metaKey) return
  const items = [...document.querySelectorAll<HTMLElement>(`[${OUTLINE_NOTE}]`)]
  const at = items.indexOf(item)
  const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }
  const next = moves[event.key]
  if (next !== undefined) items[Math.max(0, Math.min(items.length - 1, next))]?.focus()
  else if (event.key === 'Enter') item.querySelector('textarea')?.focus()
  else if ((event.key === 'Delete' || event.key === 'Backspace') && remove) remove()
  else return
  event.preventDefault()
}

export const OutlineNote = memo(function OutlineNote({ id }: { readonly id: string }) {
  const { t, strings } = useBoardLanguage()
  const session = useBoard()
  const note = useNote(id)
  const canEdit = useCanEdit()
  const isPrivate = useIsPrivateNote()
  const stack = useStackInfo(id)
  if (!note) return null

  const colour = strings.colours[note.colour]
  const start = textStart(note.text, LABEL_TEXT_LENGTH)
  const label = start ? t('note.label', { colour, text: start }) : t('note.labelEmpty', { colour })
  const remove = () => {
    // Focus goes to the neighbour, so it is not lost with the note.
    const items = [...document.querySelectorAll<HTMLElement>(`[${OUTLINE_NOTE}]`)]
    const at = items.findIndex((item) => item.getAttribute(OUTLINE_NOTE) === id)
    const neighbour = items[at + 1] ?? items[at - 1]
    removeNotes(session, [id])
    if (neighbour) focusOutlineNote(neighbour.getAttribute(OUTLINE_NOTE) ?? '')
  }

  return (
    <li
      className={`outline-note note--${note.colour}`}
      {...{ [OUTLINE_NOTE]: id }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the note itself is a stop, so arrows can go from note to note.
      tabIndex={0}
      aria-label={
        isPrivate
          ? t('facilitation.private.noteLabel', { label })
          : withStack(t, withOrigin(t, label, note.origin), stack)
      }
      onKeyDown={(event) => onItemKeyDown(event, canEdit ? remove : null)}
    >
      <p className="outline-note-meta">
        <span className="outline-swatch" aria-hidden="true" />
        <span>{colour}</span>
        {note.authorName && <span>{t('note.author', { name: note.authorName })}</span>}
        {note.origin && <OriginMark t={t} origin={note.origin} />}
      </p>
      {stack && <StackMark stack={stack} />}
      {isPrivate && <PrivateMark />}
      <NoteText id={id} text={note.text} readOnly={!canEdit} />
      <VoteButtons id={id} />
      <div className="outline-note-tools">
        <ColourSelect id={id} colour={note.colour} disabled={!canEdit} />
        {!isPrivate && <MoveSelect id={id} clusterId={note.clusterId} />}
        {canEdit && (
          <button type="button" className="button button--danger-quiet" onClick={remove}>
            {t('note.delete')}
          </button>
        )}
      </div>
    </li>
  )
})

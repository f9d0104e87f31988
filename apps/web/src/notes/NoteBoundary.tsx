/**
 * One note that cannot be drawn stays one note: its card or outline item is replaced by a plain
 * notice in its place, the rest of the board goes on, and the note is tried again as soon as it
 * changes (someone mends it, or the relay repairs the board).
 */
import { type ReactNode, useEffect, useRef } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useNote } from '../session/BoardContext'

type Place = 'canvas' | 'outline'

function UnreadableNote({
  id,
  place,
  retry,
}: {
  readonly id: string
  readonly place: Place
  readonly retry: () => void
}) {
  const { t } = useBoardLanguage()
  const note = useNote(id)
  const failed = useRef(note)
  useEffect(() => {
    if (note !== failed.current) retry()
  }, [note, retry])
  const text = t('note.unreadable')
  if (place === 'outline') {
    return (
      // The outline's own item marker, so the arrow keys go through this note to the next.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: like every outline note, the notice is a stop for the arrows.
      <li className="outline-note note-unreadable" data-outline-note={id} tabIndex={0}>
        {text}
      </li>
    )
  }
  if (!note) return null
  return (
    <article
      className="note note-unreadable"
      data-note-id={id}
      aria-label={text}
      style={{ width: note.width, height: note.height, transform: `translate(${note.x}px, ${note.y}px)` }}
    >
      {text}
    </article>
  )
}

export function NoteBoundary({
  id,
  place,
  children,
}: {
  readonly id: string
  readonly place: Place
  readonly children: ReactNode
}) {
  return (
    <ErrorBoundary fallback={(retry) => <UnreadableNote id={id} place={place} retry={retry} />}>
      {children}
    </ErrorBoundary>
  )
}

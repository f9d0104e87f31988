/**
 * The corner handle that resizes a note: dragged (mouse, pen or finger), the note follows at once and
 * the size is written on release; focused, the arrow keys change the width (left, right) and the
 * height (up, down), Shift for bigger steps. It never makes a note smaller than its text needs: the
 * text still sets the least height (see noteFit.ts).
 */
import type { KeyboardEvent, PointerEvent } from 'react'
import { useRef } from 'react'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useBoard } from '../session/BoardContext'
import { resizeNoteTo } from './noteFit'

const KEY_STEP = 20
const KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

interface Resize {
  readonly pointerId: number
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly zoom: number
  /** The note's own inline size, given back on release for the stored size to take over. */
  readonly style: { readonly width: string; readonly minHeight: string }
}

const noteOf = (element: Element) => element.closest<HTMLElement>('[data-note-id]')

export function NoteResizeHandle({ id }: { readonly id: string }) {
  const { strings } = useBoardLanguage()
  const session = useBoard()
  const resize = useRef<Resize | null>(null)

  /** The size the pointer asks for, in board units. */
  const sizeAt = (event: PointerEvent<HTMLElement>, from: Resize) => ({
    width: from.width + (event.clientX - from.x) / from.zoom,
    height: from.height + (event.clientY - from.y) / from.zoom,
  })

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    const note = noteOf(event.currentTarget)
    if (event.button !== 0 || !note) return
    // The note must not also be picked up, nor the canvas panned.
    event.stopPropagation()
    event.currentTarget.setPointerCapture(event.pointerId)
    const { zoom } = session.ui.getState().viewport
    resize.current = {
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      width: note.offsetWidth,
      height: note.offsetHeight,
      zoom,
      style: { width: note.style.width, minHeight: note.style.minHeight },
    }
  }

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const from = resize.current
    const note = noteOf(event.currentTarget)
    if (!from || from.pointerId !== event.pointerId || !note) return
    // Drawn straight away, written once on release: a drag is one change for everyone.
    const { width, height } = sizeAt(event, from)
    note.style.width = `${Math.max(width, 60)}px`
    note.style.minHeight = `${Math.max(height, 60)}px`
  }

  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    const from = resize.current
    if (!from || from.pointerId !== event.pointerId) return
    resize.current = null
    const note = noteOf(event.currentTarget)
    if (note) Object.assign(note.style, from.style)
    if (event.type === 'pointercancel') return
    const { width, height } = sizeAt(event, from)
    resizeNoteTo(session, id, width, height)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const direction = KEYS[event.key]
    const note = noteOf(event.currentTarget)
    if (!direction || !note) return
    // The note's own keys (lifting it, nudging) stay out of this.
    event.preventDefault()
    event.stopPropagation()
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP
    const [dx, dy] = direction
    // From the size it is drawn at, which a long text may have grown past the stored one.
    resizeNoteTo(session, id, note.offsetWidth + dx * step, note.offsetHeight + dy * step, {
      continues: `size:${id}`,
    })
  }

  return (
    <button
      type="button"
      className="icon-button note-resize"
      aria-label={strings.resize}
      title={strings.resizeHint}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M14 6L6 14M14 10.5L10.5 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  )
}

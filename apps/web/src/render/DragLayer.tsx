/**
 * The notes being dragged travel as one layer. When a drag starts, the dragged notes are copied
 * into a composited layer above the others, inert and hidden from assistive technology, and the
 * originals stay where they are, invisible, keeping focus and their place in the DOM. At full
 * detail the copies are clones of the notes' DOM; below it (zoomed out, where a selection can hold
 * hundreds of notes) they are drawn on one canvas (render/dragCopies.ts), which is far cheaper to
 * pick up. Each pointer move then changes one transform, written straight to the layer outside
 * React: nothing re-renders and nothing is repainted until the drop, which moves the originals in
 * one transaction.
 */
import { useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { useBoard, useUi } from '../session/BoardContext'
import { clusterIndexOf } from '../clusters/clusterIndex'
import { noteByline } from '../i18n/byline'
import { type CarriedNote, carriedCanvas } from './dragCopies'
import { detailAt } from './detail'

/** Copies of the carried notes' DOM, without ids, focus or the note marker other code looks for. */
function clonesOf(source: Element | null, ids: readonly string[]): Element[] {
  const copies: Element[] = []
  for (const id of ids) {
    const original = source?.querySelector(`:scope > [data-note-id="${CSS.escape(id)}"]`)
    if (!original) continue
    const copy = original.cloneNode(true) as HTMLElement
    for (const element of [copy, ...copy.querySelectorAll('[id]')]) element.removeAttribute('id')
    copy.removeAttribute('tabindex')
    copy.removeAttribute('data-note-id')
    copy.classList.add('is-dragging')
    copies.push(copy)
  }
  return copies
}

export function DragLayer() {
  const { t } = useTranslation()
  const { reader, doc, ui } = useBoard()
  const ref = useRef<HTMLDivElement>(null)
  const ids = useUi(useShallow((state) => state.drag?.ids ?? []))

  useLayoutEffect(() => {
    const layer = ref.current
    if (!layer) return
    const place = (dx: number, dy: number) => {
      layer.style.transform = `translate(${dx}px, ${dy}px)`
    }
    const { drag, viewport } = ui.getState()
    place(drag?.dx ?? 0, drag?.dy ?? 0)
    if (ids.length > 0 && detailAt(viewport.zoom) !== 'full') {
      // Notes in a collapsed cluster are not on the canvas, so they are not carried visibly either.
      const { hidden } = clusterIndexOf(doc).get()
      const notes: CarriedNote[] = []
      for (const id of ids) {
        const note = hidden.has(id) ? undefined : reader.getNote(id)
        if (note) notes.push({ ...note, byline: noteByline(t, note) })
      }
      // Notes keep their light paper in every theme, and their own accent with it (see base.css).
      const style = getComputedStyle(layer.parentElement?.querySelector('.note') ?? layer)
      const look = { fontFamily: style.fontFamily, accent: style.getPropertyValue('--accent').trim() || '#1f4fb8' }
      layer.replaceChildren(carriedCanvas(notes, viewport.zoom, look))
    } else {
      layer.replaceChildren(...clonesOf(layer.parentElement, ids))
    }
    const unsubscribe = ui.subscribe((state, previous) => {
      const next = state.drag
      if (next && next !== previous.drag) place(next.dx, next.dy)
    })
    return () => {
      unsubscribe()
      layer.replaceChildren()
    }
  }, [ids, reader, doc, t, ui])

  return <div ref={ref} className="notes-drag-layer" aria-hidden="true" inert hidden={ids.length === 0} />
}

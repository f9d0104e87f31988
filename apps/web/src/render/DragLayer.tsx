/**
 * The notes being dragged travel as one layer. When a drag starts, the dragged notes are copied
 * (their DOM, inert and hidden from assistive technology) into a composited layer above the others,
 * and the originals stay where they are, invisible, keeping focus and their place in the DOM. Each
 * pointer move then changes one transform, written straight to the layer outside React: nothing
 * re-renders and nothing is repainted until the drop, which moves the originals in one transaction.
 */
import { useLayoutEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useUi } from '../board/uiStore'

export function DragLayer() {
  const ref = useRef<HTMLDivElement>(null)
  const ids = useUi(useShallow((state) => state.drag?.ids ?? []))

  useLayoutEffect(() => {
    const layer = ref.current
    if (!layer) return
    const source = layer.parentElement
    const place = (dx: number, dy: number) => {
      layer.style.transform = `translate(${dx}px, ${dy}px)`
    }
    const drag = useUi.getState().drag
    place(drag?.dx ?? 0, drag?.dy ?? 0)
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
    layer.replaceChildren(...copies)
    const unsubscribe = useUi.subscribe((state, previous) => {
      const next = state.drag
      if (next && next !== previous.drag) place(next.dx, next.dy)
    })
    return () => {
      unsubscribe()
      layer.replaceChildren()
    }
  }, [ids])

  return <div ref={ref} className="notes-drag-layer" aria-hidden="true" inert hidden={ids.length === 0} />
}

/**
 * Follows the pointer over the canvas: shares it as this person's cursor (in world coordinates,
 * paced by the presence store) and remembers it as the place where pasted notes go.
 */
import { type RefObject, useEffect } from 'react'
import { useBoard } from '../session/BoardContext'
import { type Point, screenToWorld } from '../lib/geometry'

let pointer: Point | null = null

/** The world point under the pointer while it is over the canvas, else null. */
export function pointerOnCanvas(): Point | null {
  return pointer
}

export function usePointerPresence(ref: RefObject<HTMLElement | null>): void {
  const { presence, ui } = useBoard()
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const onMove = (event: PointerEvent) => {
      const bounds = element.getBoundingClientRect()
      pointer = screenToWorld(ui.getState().viewport, {
        x: event.clientX - bounds.left,
        y: event.clientY - bounds.top,
      })
      presence.moveCursor(pointer)
    }
    const onLeave = () => {
      pointer = null
      presence.moveCursor(null)
    }
    element.addEventListener('pointermove', onMove)
    element.addEventListener('pointerleave', onLeave)
    return () => {
      element.removeEventListener('pointermove', onMove)
      element.removeEventListener('pointerleave', onLeave)
      pointer = null
    }
  }, [ref, presence, ui])
}

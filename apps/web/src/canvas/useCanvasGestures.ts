/**
 * Pan and zoom on the canvas element: dragging the empty background pans, the wheel pans,
 * ctrl/cmd + wheel (and trackpad pinch, which browsers report the same way) zooms around the
 * pointer, two fingers on a touch screen pinch and pan (anywhere, notes included), and the canvas's
 * own size is tracked for culling. Zoomed out to block level, a click on a note drawn on the overview canvas selects it.
 */
import { type PointerEvent, type RefObject, useLayoutEffect, useRef } from 'react'
import { overviewNoteAt } from '../render/overviewDrawing'
import { type Point, wheelPixels } from '../lib/geometry'
import { useBoard } from '../session/BoardContext'
import { type FingerPair, pinchStep } from './pinch'

/** How strongly one pixel of wheel movement zooms. */
const WHEEL_ZOOM_RATE = 0.002

export function isOnNote(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-note-id]') !== null
}

export function useCanvasGestures(ref: RefObject<HTMLElement | null>) {
  const { ui: store } = useBoard()
  const pan = useRef<{ pointerId: number; x: number; y: number; moved: boolean; onBackground: boolean } | null>(null)
  // Fingers on the canvas, in canvas coordinates: two of them pinch.
  const fingers = useRef(new Map<number, Point>())

  const onCanvas = (event: PointerEvent<HTMLElement>): Point => {
    const bounds = event.currentTarget.getBoundingClientRect()
    return { x: event.clientX - bounds.left, y: event.clientY - bounds.top }
  }

  /** Follows a finger; true while two fingers pinch, which then take the event. */
  const pinch = (event: PointerEvent<HTMLElement>, phase: 'down' | 'move' | 'up'): boolean => {
    if (event.pointerType !== 'touch') return false
    const held = fingers.current
    if (phase === 'up') {
      held.delete(event.pointerId)
      return false
    }
    if (phase === 'down') {
      held.set(event.pointerId, onCanvas(event))
      // A second finger turns a one-finger pan into a pinch.
      if (held.size >= 2) pan.current = null
      return held.size >= 2
    }
    if (!held.has(event.pointerId)) return false
    const before = [...held.values()].slice(0, 2) as unknown as FingerPair
    held.set(event.pointerId, onCanvas(event))
    if (held.size < 2) return false
    const after = [...held.values()].slice(0, 2) as unknown as FingerPair
    const ui = store.getState()
    // A note being carried by one finger is not the board being pinched.
    if (!ui.drag) ui.setViewport(pinchStep(ui.viewport, before, after))
    return true
  }

  // A layout effect: the canvas is measured before the first paint, so the notes in view are in
  // the same frame as the canvas instead of one render (and one empty frame) later.
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const { width, height } = element.getBoundingClientRect()
      store.getState().setSize({ width, height })
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    // React's wheel listener is passive; this one must be able to stop the page from zooming.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const ui = store.getState()
      const delta = wheelPixels(event, ui.size.height)
      if (event.ctrlKey || event.metaKey) {
        const bounds = element.getBoundingClientRect()
        const anchor = { x: event.clientX - bounds.left, y: event.clientY - bounds.top }
        ui.zoomTo(ui.viewport.zoom * Math.exp(-delta.y * WHEEL_ZOOM_RATE), anchor)
      } else {
        // Shift + wheel scrolls sideways on mice that have only a vertical wheel.
        const sideways = event.shiftKey && delta.x === 0
        ui.panBy(sideways ? -delta.y : -delta.x, sideways ? 0 : -delta.y)
      }
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      observer.disconnect()
      element.removeEventListener('wheel', onWheel)
    }
  }, [ref, store])

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (pinch(event, 'down')) return
    const onBackground = !isOnNote(event.target)
    // The middle button pans from anywhere, the primary one only from the empty background.
    if (!(event.button === 1 || (event.button === 0 && onBackground))) return
    event.currentTarget.setPointerCapture(event.pointerId)
    pan.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, moved: false, onBackground }
  }

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    if (pinch(event, 'move')) return
    const current = pan.current
    if (!current || current.pointerId !== event.pointerId) return
    const dx = event.clientX - current.x
    const dy = event.clientY - current.y
    if (dx === 0 && dy === 0) return
    pan.current = { ...current, x: event.clientX, y: event.clientY, moved: true }
    store.getState().panBy(dx, dy)
  }

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    pinch(event, 'up')
    const current = pan.current
    if (!current || current.pointerId !== event.pointerId) return
    pan.current = null
    if (current.moved || !current.onBackground) return
    // A click on a note drawn on the overview canvas selects it (which renders it in the DOM).
    const hit = overviewNoteAt(onCanvas(event))
    const ui = store.getState()
    if (hit && event.shiftKey) ui.toggleSelected(hit)
    else if (hit) ui.select([hit])
    // A click on the empty background (no pan) clears the selection.
    else ui.select([])
  }

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp }
}

/**
 * Rubber-band selection: Shift + drag on the empty canvas spans a rectangle, and the notes it
 * touches are added to the selection when the button is released. A plain drag still pans: the
 * band takes the press (before the canvas's own pan handler sees it) only when Shift is held.
 * The band being drawn is local UI state of its own, so only the band re-renders while it grows.
 */
import { type RefObject, useEffect } from 'react'
import { create } from 'zustand'
import { useBoard } from '../session/BoardContext'
import { type Point, screenToWorld } from '../lib/geometry'
import { addToSelection, notesInRect, rectBetween } from './selection'

interface Band {
  /** Corners in screen pixels relative to the canvas. */
  readonly start: Point
  readonly end: Point
}

const useBand = create<{ readonly band: Band | null }>()(() => ({ band: null }))

export function useRubberBand(ref: RefObject<HTMLElement | null>): void {
  const { reader, ui } = useBoard()
  useEffect(() => {
    const element = ref.current
    if (!element) return
    let pointerId: number | null = null
    const local = (event: PointerEvent): Point => {
      const bounds = element.getBoundingClientRect()
      return { x: event.clientX - bounds.left, y: event.clientY - bounds.top }
    }
    const onDown = (event: PointerEvent) => {
      // Only the empty canvas itself: notes, clusters and their controls keep their own Shift+press.
      if (!event.shiftKey || event.button !== 0 || event.target !== element) return
      event.stopPropagation()
      element.setPointerCapture(event.pointerId)
      pointerId = event.pointerId
      const point = local(event)
      useBand.setState({ band: { start: point, end: point } })
    }
    const onMove = (event: PointerEvent) => {
      const band = useBand.getState().band
      if (event.pointerId !== pointerId || !band) return
      useBand.setState({ band: { start: band.start, end: local(event) } })
    }
    const onUp = (event: PointerEvent) => {
      const band = useBand.getState().band
      if (event.pointerId !== pointerId || !band) return
      pointerId = null
      useBand.setState({ band: null })
      if (event.type === 'pointercancel') return
      const { viewport, selection, select } = ui.getState()
      const area = rectBetween(screenToWorld(viewport, band.start), screenToWorld(viewport, band.end))
      select(addToSelection(selection, notesInRect(reader.getLayout(), area)))
    }
    element.addEventListener('pointerdown', onDown)
    element.addEventListener('pointermove', onMove)
    element.addEventListener('pointerup', onUp)
    element.addEventListener('pointercancel', onUp)
    return () => {
      element.removeEventListener('pointerdown', onDown)
      element.removeEventListener('pointermove', onMove)
      element.removeEventListener('pointerup', onUp)
      element.removeEventListener('pointercancel', onUp)
      useBand.setState({ band: null })
    }
  }, [ref, reader, ui])
}

/** The band as drawn: a dashed rectangle, decoration only (the selection count says what it did). */
export function SelectionBand() {
  const band = useBand((state) => state.band)
  if (!band) return null
  const rect = rectBetween(band.start, band.end)
  return (
    <div
      className="selection-band"
      aria-hidden="true"
      style={{ transform: `translate(${rect.x}px, ${rect.y}px)`, width: rect.width, height: rect.height }}
    />
  )
}

/** The overview <canvas>: every note as a coloured block, under the few DOM notes kept for the keyboard. */
import type { NoteLayout } from '@samla/board'
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Size, Viewport } from '../lib/geometry'
import { clearOverview, drawOverview } from './overviewDrawing'

export function OverviewCanvas({
  notes,
  viewport,
  size,
}: {
  readonly notes: readonly NoteLayout[]
  readonly viewport: Viewport
  readonly size: Size
}) {
  const ref = useRef<HTMLCanvasElement>(null)
  useLayoutEffect(() => {
    if (ref.current) drawOverview(ref.current, { notes, viewport }, size.width, size.height)
  }, [notes, viewport, size])
  useEffect(() => clearOverview, [])
  return (
    // The notes it shows are in the outline, and the ones near focus stay in the DOM for the keyboard.
    <div className="notes-overview" aria-hidden="true">
      <canvas ref={ref} style={{ width: size.width, height: size.height }} />
    </div>
  )
}

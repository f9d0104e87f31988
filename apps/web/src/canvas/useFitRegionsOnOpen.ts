/**
 * A merged board opens showing all its regions. A board opens at the home view (no view is kept
 * between visits), which shows a phone only the top-left of the first region, its title under the
 * floating search, and lets a projector's second region run off the edge. So once the regions are
 * there and the canvas is measured, the view is fitted to them as "show all" fits the notes, with
 * room for the search and the toolbar; never once the view has moved (the person, or following).
 */
import { type RefObject, useEffect } from 'react'
import { boundsOf, HOME_VIEWPORT } from '../lib/geometry'
import { regionIndexOf } from '../regions/regionIndex'
import { useBoard } from '../session/BoardContext'
import { coveredEdges, FIT_PADDING, showAllViewport } from './showAll'

export function useFitRegionsOnOpen(canvas: RefObject<HTMLElement | null>): void {
  const { doc, ui } = useBoard()
  useEffect(() => {
    const regions = regionIndexOf(doc)
    /** Fits the view if it is still the opening one; true once there is nothing left to do. */
    const fit = () => {
      const state = ui.getState()
      if (state.viewport !== HOME_VIEWPORT) return true
      const bounds = boundsOf(regions.get())
      if (!bounds) return false
      state.setViewport(showAllViewport(bounds, state.size, FIT_PADDING, coveredEdges(canvas.current)))
      return true
    }
    if (fit()) return
    // A board opened without its content at hand gets its regions with the sync.
    const stop = regions.subscribe(() => {
      if (fit()) stop()
    })
    return stop
  }, [doc, ui, canvas])
}

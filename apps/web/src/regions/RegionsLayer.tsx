/**
 * The regions of a merged board under its clusters and notes: a quiet area per source board with the
 * board's title as a heading in its header band, in a layer with the same transform as the notes.
 * Regions are drawn at every zoom (a board has a handful), take no presses (pan, double-click to add a
 * note and the rubber band go through them) and are not moved in this step.
 */

import { REGION_HEADER, REGION_PADDING } from '@samla/board'
import { useSyncExternalStore } from 'react'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useBoard, useUi } from '../session/BoardContext'
import { regionIndexOf } from './regionIndex'

export function RegionsLayer() {
  const { t } = useBoardLanguage()
  const { doc } = useBoard()
  const index = regionIndexOf(doc)
  const regions = useSyncExternalStore(index.subscribe, index.get)
  const viewport = useUi((state) => state.viewport)
  if (regions.length === 0) return null
  return (
    <div
      className="regions-layer"
      style={{
        transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
        // Read by the title's size (regions.css), so that it stays legible zoomed out.
        ['--region-zoom' as string]: viewport.zoom,
      }}
    >
      {regions.map((region) => (
        <div
          key={region.id}
          className="region"
          data-region-id={region.id}
          style={{
            width: region.width,
            height: region.height,
            transform: `translate(${region.x}px, ${region.y}px)`,
          }}
        >
          {/* The header band merge-layout.ts leaves above the copied notes, so the title never sits under one. */}
          <h2 className="region-title" style={{ height: REGION_HEADER, paddingInline: REGION_PADDING }}>
            {region.title.trim() || t('regions.untitled')}
          </h2>
        </div>
      ))}
    </div>
  )
}

/**
 * The clusters under the notes, in a layer with the same transform as the notes layer. Only the
 * clusters meeting the visible area are rendered (plus one being renamed or dragged), and while a
 * note is dragged, the cluster it would land in is marked.
 */
import { useSyncExternalStore } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useBoard, useFacilitationUi, useUi } from '../session/BoardContext'
import { intersects, visibleWorldRect } from '../lib/geometry'
import { useTools } from '../session/useControl'
import { ClusterDragContext } from './ClusterDragContext'
import { ClusterFrame } from './ClusterFrame'
import { clusterIndexOf } from './clusterIndex'
import { centreOf, clusterAt, clusterRect } from './geometry'

/** Screen pixels rendered beyond each edge, as for notes. */
const CULL_MARGIN = 240

/** The cluster the first dragged note's centre is over, if this person's drop would put it there. */
function useNoteDropTarget(enabled: boolean): string | null {
  const { reader, doc } = useBoard()
  return useUi((state) => {
    const drag = state.drag
    const first = enabled && drag && drag.ids.length > 0 ? reader.getNote(drag.ids[0] ?? '') : undefined
    if (!drag || !first) return null
    return clusterAt(
      clusterIndexOf(doc).get().clusters,
      centreOf({ ...first, x: first.x + drag.dx, y: first.y + drag.dy }),
    )
  })
}

export function ClustersLayer() {
  const { doc } = useBoard()
  const index = clusterIndexOf(doc)
  const view = useSyncExternalStore(index.subscribe, index.get)
  const viewport = useUi((state) => state.viewport)
  const size = useUi((state) => state.size)
  const editable = useTools().cluster
  const pinned = useFacilitationUi(
    useShallow((state) => [state.activeCluster, state.clusterDrag?.id ?? null, state.nameFocusRequest]),
  )
  const clusterDragging = useFacilitationUi((state) => state.clusterDrag !== null)
  const target = useNoteDropTarget(editable && !clusterDragging)

  // No clusters, no drag context: dnd-kit's context is costly to render, and this layer re-renders at every pan.
  if (view.clusters.length === 0) return null
  const area = visibleWorldRect(viewport, size, CULL_MARGIN)
  return (
    <ClusterDragContext>
      <div
        className="clusters-layer"
        style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}
      >
        {view.clusters.map((cluster, z) =>
          pinned.includes(cluster.id) || intersects(area, clusterRect(cluster)) ? (
            <ClusterFrame
              key={cluster.id}
              cluster={cluster}
              z={z}
              count={view.members.get(cluster.id)?.length ?? 0}
              editable={editable}
              target={target === cluster.id}
            />
          ) : null,
        )}
      </div>
    </ClusterDragContext>
  )
}

/**
 * Dragging clusters by their header, in a dnd-kit context of their own (notes have theirs). While
 * a cluster moves, its notes follow through the board's drag state, so they move with it on screen;
 * on drop, one moveCluster moves the cluster and its notes together, or, dropped on another
 * cluster's header, the two are merged.
 */
import { type Announcements, DndContext, type DragMoveEvent, type DragStartEvent } from '@dnd-kit/core'
import { type ReactNode, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { useUi } from '../session/uiStore'
import { CANVAS_ID } from '../lib/focusCanvas'
import { type Point, type Rect, screenToWorld } from '../lib/geometry'
import { useFacilitationUi } from '../session/facilitationUi'
import { useNoteSensors } from '../components/sensors'
import { clusterIndexOf } from './clusterIndex'
import { mergeInto, moveClusterBy } from './clusterCommands'
import { clusterRect, HEADER_HEIGHT, headerAt } from './geometry'

function toWorld(delta: { x: number; y: number }) {
  const { zoom } = useUi.getState().viewport
  return { dx: Math.round(delta.x / zoom), dy: Math.round(delta.y / zoom) }
}

/** Where the grip sits in a cluster's header, for drags without a pointer (the keyboard). */
const GRIP = { x: 16, y: HEADER_HEIGHT / 2 }

function clientPoint(event: Event): Point | null {
  if (event instanceof MouseEvent) return { x: event.clientX, y: event.clientY }
  const touch = event instanceof TouchEvent ? event.touches[0] : undefined
  return touch ? { x: touch.clientX, y: touch.clientY } : null
}

/** The world point a dragged cluster is dropped at: under the pointer, or its grip when moved by keyboard. */
function dropPoint({ activatorEvent, delta }: DragMoveEvent, rect: Rect, dx: number, dy: number): Point {
  const start = clientPoint(activatorEvent)
  const canvas = document.getElementById(CANVAS_ID)?.getBoundingClientRect()
  if (!start || !canvas) return { x: rect.x + dx + GRIP.x, y: rect.y + dy + GRIP.y }
  const screen = { x: start.x + delta.x - canvas.left, y: start.y + delta.y - canvas.top }
  return screenToWorld(useUi.getState().viewport, screen)
}

function clear(): void {
  useFacilitationUi.getState().setClusterDrag(null)
  useUi.getState().setDrag(null)
}

export function ClusterDragContext({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  const session = useBoard()
  const sensors = useNoteSensors()
  // The announcement runs after onDragEnd has cleared the drag, so the outcome is kept here for it.
  const merged = useRef(false)
  const accessibility = useMemo(() => {
    const announcements: Announcements = {
      onDragStart: () => t('facilitation.cluster.dragStart'),
      onDragOver: () => undefined,
      onDragEnd: () => (merged.current ? t('facilitation.cluster.merged') : t('facilitation.cluster.dragEnd')),
      onDragCancel: () => t('facilitation.cluster.dragCancel'),
    }
    return { announcements, screenReaderInstructions: { draggable: t('facilitation.cluster.dragInstructions') } }
  }, [t])

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id)
    useFacilitationUi.getState().setClusterDrag({ id, dx: 0, dy: 0, mergeInto: null })
    useUi.getState().setDrag({ ids: clusterIndexOf(session.doc).get().members.get(id) ?? [], dx: 0, dy: 0 })
  }

  const onDragMove = (event: DragMoveEvent) => {
    const drag = useFacilitationUi.getState().clusterDrag
    const { clusters } = clusterIndexOf(session.doc).get()
    const cluster = clusters.find((c) => c.id === drag?.id)
    if (!drag || !cluster) return
    const { dx, dy } = toWorld(event.delta)
    const point = dropPoint(event, clusterRect(cluster), dx, dy)
    useFacilitationUi.getState().setClusterDrag({ ...drag, dx, dy, mergeInto: headerAt(clusters, point, drag.id) })
    const notes = useUi.getState().drag
    if (notes) useUi.getState().setDrag({ ids: notes.ids, dx, dy })
  }

  const onDragEnd = () => {
    const drag = useFacilitationUi.getState().clusterDrag
    clear()
    merged.current = Boolean(drag?.mergeInto)
    if (!drag) return
    if (drag.mergeInto) mergeInto(session, drag.mergeInto, drag.id)
    else moveClusterBy(session, drag.id, drag.dx, drag.dy)
  }

  return (
    <DndContext
      sensors={sensors}
      accessibility={accessibility}
      autoScroll={false}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={clear}
    >
      {children}
    </DndContext>
  )
}

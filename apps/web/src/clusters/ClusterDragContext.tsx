/**
 * Dragging clusters by their header, in a dnd-kit context of their own (notes have theirs). While
 * a cluster moves, its notes follow through the board's drag state, so they move with it on screen;
 * on drop, one moveCluster moves the cluster and its notes together, or, dropped on another
 * cluster's header, the two are merged.
 */
import type { DragMoveEvent, DragStartEvent } from '@dnd-kit/core'
import { type ReactNode, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import type { BoardSession } from '../session/session'
import type { UiStore } from '../session/uiStore'
import { CANVAS_ID } from '../lib/focusCanvas'
import { dragOffset, type Point, type Rect, screenToWorld } from '../lib/geometry'
import { DragShell } from '../components/DragShell'
import { clusterIndexOf } from './clusterIndex'
import { mergeInto, moveClusterBy } from './clusterCommands'
import { clusterRect, HEADER_HEIGHT, headerAt } from './geometry'

/** Where the grip sits in a cluster's header, for drags without a pointer (the keyboard). */
const GRIP = { x: 16, y: HEADER_HEIGHT / 2 }

function clientPoint(event: Event): Point | null {
  if (event instanceof MouseEvent) return { x: event.clientX, y: event.clientY }
  const touch = event instanceof TouchEvent ? event.touches[0] : undefined
  return touch ? { x: touch.clientX, y: touch.clientY } : null
}

/** The world point a dragged cluster is dropped at: under the pointer, or its grip when moved by keyboard. */
function dropPoint(ui: UiStore, { activatorEvent, delta }: DragMoveEvent, rect: Rect, dx: number, dy: number): Point {
  const start = clientPoint(activatorEvent)
  const canvas = document.getElementById(CANVAS_ID)?.getBoundingClientRect()
  if (!start || !canvas) return { x: rect.x + dx + GRIP.x, y: rect.y + dy + GRIP.y }
  const screen = { x: start.x + delta.x - canvas.left, y: start.y + delta.y - canvas.top }
  return screenToWorld(ui.getState().viewport, screen)
}

function clear(session: BoardSession): void {
  session.facilitationUi.getState().setClusterDrag(null)
  session.ui.getState().setDrag(null)
}

export function ClusterDragContext({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  const session = useBoard()
  // The announcement runs after onDragEnd has cleared the drag, so the outcome is kept here for it.
  const merged = useRef(false)
  const words = useMemo(
    () => ({
      start: t('facilitation.cluster.dragStart'),
      end: () => (merged.current ? t('facilitation.cluster.merged') : t('facilitation.cluster.dragEnd')),
      cancel: t('facilitation.cluster.dragCancel'),
      instructions: t('facilitation.cluster.dragInstructions'),
    }),
    [t],
  )

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id)
    session.facilitationUi.getState().setClusterDrag({ id, dx: 0, dy: 0, mergeInto: null })
    session.ui.getState().setDrag({ ids: clusterIndexOf(session.doc).get().members.get(id) ?? [], dx: 0, dy: 0 })
  }

  const onDragMove = (event: DragMoveEvent) => {
    const drag = session.facilitationUi.getState().clusterDrag
    const { clusters } = clusterIndexOf(session.doc).get()
    const cluster = clusters.find((c) => c.id === drag?.id)
    if (!drag || !cluster) return
    const { dx, dy } = dragOffset(event.delta, session.ui.getState().viewport.zoom)
    const point = dropPoint(session.ui, event, clusterRect(cluster), dx, dy)
    session.facilitationUi.getState().setClusterDrag({ ...drag, dx, dy, mergeInto: headerAt(clusters, point, drag.id) })
    const notes = session.ui.getState().drag
    if (notes) session.ui.getState().setDrag({ ids: notes.ids, dx, dy })
  }

  const onDragEnd = () => {
    const drag = session.facilitationUi.getState().clusterDrag
    clear(session)
    merged.current = Boolean(drag?.mergeInto)
    if (!drag) return
    if (drag.mergeInto) mergeInto(session, drag.mergeInto, drag.id)
    else moveClusterBy(session, drag.id, drag.dx, drag.dy)
  }

  return (
    <DragShell
      words={words}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => clear(session)}
    >
      {children}
    </DragShell>
  )
}

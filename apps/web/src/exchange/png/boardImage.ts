/**
 * A PNG of the board, whole or as currently in view, drawn in the browser from the board doc.
 * Collapsed clusters are drawn open with all their notes: an image for the minutes should show
 * everything that was said, whatever someone had folded away on screen. With the vote's totals, each
 * note carries its dots.
 */
import { listClusters, listNotes } from '@samla/board'
import type * as Y from 'yjs'
import { boundsOf, type Size, type Viewport, visibleWorldRect } from '../../lib/geometry'
import { drawBoard } from './drawBoard'
import { boardFrame, imageScale, imageSize } from './layout'

export type ImageArea =
  | { readonly kind: 'whole' }
  | { readonly kind: 'view'; readonly viewport: Viewport; readonly size: Size }

/** World units of canvas shown around the outermost note or cluster. */
const MARGIN = 40
/** Twice the screen's detail for the whole board, so text stays sharp when zoomed in on a projector. */
const WHOLE_BOARD_SCALE = 2

/** Each note's dots (the totals this person may see) and the words of a badge, e.g. "3 prickar". */
export interface ImageDots {
  readonly totals: ReadonlyMap<string, number>
  readonly label: (count: number) => string
}

export async function boardImage(doc: Y.Doc, area: ImageArea, pixelRatio = 1, dots?: ImageDots): Promise<Blob> {
  const clusters = listClusters(doc)
  const notes = listNotes(doc)
  const frame =
    area.kind === 'whole'
      ? boardFrame(boundsOf([...clusters, ...notes]), MARGIN)
      : visibleWorldRect(area.viewport, area.size, 0)
  const wanted = area.kind === 'whole' ? WHOLE_BOARD_SCALE : area.viewport.zoom * pixelRatio
  const scale = imageScale(frame, wanted)
  const canvas = document.createElement('canvas')
  const size = imageSize(frame, scale)
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw images')
  drawBoard(ctx, { frame, scale, clusters, notes, dots: dots?.totals, dotsLabel: dots?.label })
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The image could not be made')
  return blob
}

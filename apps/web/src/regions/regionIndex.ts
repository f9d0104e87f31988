/**
 * The regions of a board doc as React reads them (one per source board of a merge). The board
 * reader covers notes only, so this observes just the regions map: typing or moving a note never
 * wakes it. One index per doc, made lazily.
 */
import { listRegions, type RegionSnapshot } from '@samla/board'
import type * as Y from 'yjs'
import { type DocView, docViewCache } from '../lib/docView'

export type RegionIndex = DocView<readonly RegionSnapshot[]>

export const regionIndexOf: (doc: Y.Doc) => RegionIndex = docViewCache(listRegions, (doc, invalidate) => {
  doc.getMap('regions').observeDeep(invalidate)
})

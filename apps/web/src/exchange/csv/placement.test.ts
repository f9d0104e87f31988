/** Tests for where imported notes go. */
import { type ClusterSnapshot, DEFAULT_NOTE_SIZE } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { gridSize, importedArea, placeInCluster, placeLoose, placeNewCluster } from './placement'

const pitch = DEFAULT_NOTE_SIZE + 16

const cluster: ClusterSnapshot = {
  id: 'c1',
  name: 'Styrkor',
  x: 100,
  y: 100,
  width: 760,
  height: 560,
  colour: 'green',
  collapsed: false,
  order: 'a0',
}

describe('gridSize', () => {
  it('matches the board model’s square-ish grid', () => {
    expect(gridSize(1)).toEqual({ width: DEFAULT_NOTE_SIZE, height: DEFAULT_NOTE_SIZE })
    expect(gridSize(5)).toEqual({ width: 3 * pitch - 16, height: 2 * pitch - 16 })
    expect(gridSize(9)).toEqual({ width: 3 * pitch - 16, height: 3 * pitch - 16 })
  })
})

describe('placement', () => {
  const space = { bounds: { x: -50, y: 20, width: 400, height: 300 }, viewCentre: { x: 0, y: 0 } }

  it('puts loose notes beside the board, or in the middle of the view of an empty one', () => {
    expect(placeLoose(4, space)).toEqual({ kind: 'none', origin: { x: 430, y: 20 } })
    const empty = placeLoose(1, { bounds: null, viewCentre: { x: 500, y: 300 } })
    expect(empty).toEqual({ kind: 'none', origin: { x: 420, y: 220 } })
  })

  it('makes a new cluster that holds the notes below its name', () => {
    const placement = placeNewCluster(4, '  Från enkäten ', space)
    expect(placement).toEqual({
      kind: 'new',
      name: 'Från enkäten',
      area: { x: 430, y: 20, width: 2 * pitch - 16 + 48, height: 2 * pitch - 16 + 48 + 48 },
      origin: { x: 454, y: 92 },
    })
    expect(importedArea(placement, 4)).toEqual(placement.kind === 'new' ? placement.area : null)
  })

  it('places notes in an empty cluster under its header without growing it', () => {
    expect(placeInCluster(4, cluster, [])).toEqual({
      kind: 'existing',
      clusterId: 'c1',
      origin: { x: 124, y: 172 },
      grownTo: null,
    })
  })

  it('goes below the cluster’s notes and grows the cluster to fit', () => {
    const members = [{ x: 130, y: 180, width: 160, height: 400 }]
    const placement = placeInCluster(9, cluster, members)
    expect(placement).toMatchObject({ origin: { x: 124, y: 596 } })
    expect(placement.kind === 'existing' && placement.grownTo).toEqual({
      width: 760,
      height: 596 - 100 + 3 * pitch - 16 + 24,
    })
  })
})

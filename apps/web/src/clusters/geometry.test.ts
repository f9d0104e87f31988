/** Tests for cluster geometry. */
import { describe, expect, it } from 'vitest'
import { clusterAt, clusterRect, headerAt } from './geometry'

const open = { x: 0, y: 0, width: 400, height: 300, collapsed: false }

describe('cluster geometry', () => {
  it('draws a collapsed cluster as a small card at its place', () => {
    expect(clusterRect(open)).toEqual({ x: 0, y: 0, width: 400, height: 300 })
    expect(clusterRect({ ...open, x: 50, collapsed: true })).toEqual({ x: 50, y: 0, width: 260, height: 96 })
  })

  it('finds the topmost cluster under a point', () => {
    const clusters = [
      { id: 'bottom', ...open },
      { id: 'top', ...open, x: 200 },
    ]
    expect(clusterAt(clusters, { x: 250, y: 100 })).toBe('top')
    expect(clusterAt(clusters, { x: 100, y: 100 })).toBe('bottom')
    expect(clusterAt(clusters, { x: 250, y: 100 }, 'top')).toBe('bottom')
    expect(clusterAt(clusters, { x: 700, y: 100 })).toBeNull()
    expect(clusterAt(clusters, { x: 400, y: 0 })).toBe('top')
  })

  it('finds a cluster by its header strip only', () => {
    const clusters = [{ id: 'a', ...open }]
    expect(headerAt(clusters, { x: 10, y: 20 }, 'b')).toBe('a')
    expect(headerAt(clusters, { x: 10, y: 100 }, 'b')).toBeNull()
    expect(headerAt(clusters, { x: 10, y: 20 }, 'a')).toBeNull()
  })
})

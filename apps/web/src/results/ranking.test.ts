/** Tests for ranking the notes on the board by their dots. */
import { describe, expect, it } from 'vitest'
import { rankPlaces } from './ranking'

describe('rankPlaces', () => {
  it('[WR1] ranks the notes with dots, most first, equal totals sharing a place, ties in board order', () => {
    const order = ['a', 'b', 'c', 'd', 'e']
    const totals = new Map([
      ['a', 2],
      ['b', 5],
      ['c', 2],
      ['e', 1],
    ])
    expect(rankPlaces(order, totals, 10)).toEqual([
      { id: 'b', votes: 5, place: 1 },
      { id: 'a', votes: 2, place: 2 },
      { id: 'c', votes: 2, place: 2 },
      { id: 'e', votes: 1, place: 4 },
    ])
    expect(rankPlaces(order, totals, 2).map((entry) => entry.id)).toEqual(['b', 'a'])
    expect(rankPlaces(order, new Map(), 10)).toEqual([])
  })
})

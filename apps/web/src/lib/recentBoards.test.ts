/** Tests for the recent-boards list: order, cap, kept links, and tolerance of bad stored data. */
import { describe, expect, it } from 'vitest'
import {
  MAX_RECENT_BOARDS,
  parseRecentBoards,
  withKeptBoard,
  withoutKeptBoard,
  withRecentBoard,
  withVisit,
} from './recentBoards'

describe('recent boards', () => {
  it('puts the latest visit first and keeps one entry per board', () => {
    const list = [
      { id: 'a', title: 'A', visitedAt: 1 },
      { id: 'b', title: 'B', visitedAt: 2 },
    ]
    expect(withRecentBoard(list, { id: 'b', title: 'B2', visitedAt: 3 })).toEqual([
      { id: 'b', title: 'B2', visitedAt: 3 },
      { id: 'a', title: 'A', visitedAt: 1 },
    ])
  })

  it('keeps at most MAX_RECENT_BOARDS entries', () => {
    let list = parseRecentBoards(null)
    for (let i = 0; i < MAX_RECENT_BOARDS + 5; i++)
      list = withRecentBoard(list, { id: `b${i}`, title: '', visitedAt: i })
    expect(list).toHaveLength(MAX_RECENT_BOARDS)
    expect(list[0]?.id).toBe(`b${MAX_RECENT_BOARDS + 4}`)
  })

  it('keeps the most capable link seen for a board', () => {
    const facilitator = { id: 'a', title: 'A', visitedAt: 1, token: 'f', role: 'facilitator' as const }
    const asViewer = withRecentBoard([facilitator], { id: 'a', title: 'A2', visitedAt: 2, token: 'v', role: 'viewer' })
    expect(asViewer).toEqual([{ id: 'a', title: 'A2', visitedAt: 2, token: 'f', role: 'facilitator' }])
    const participant = { id: 'a', title: 'A', visitedAt: 1, token: 'p1', role: 'participant' as const }
    const newLink = { id: 'a', title: 'A', visitedAt: 2, token: 'p2', role: 'participant' as const }
    expect(withRecentBoard([participant], newLink)).toEqual([newLink])
    expect(withRecentBoard([participant], { id: 'a', title: 'A', visitedAt: 3 })[0]?.token).toBe('p1')
  })

  it('drops malformed stored data instead of failing', () => {
    expect(parseRecentBoards('not json')).toEqual([])
    expect(parseRecentBoards('{"id":"a"}')).toEqual([])
    expect(parseRecentBoards('[{"id":"a","title":"A","visitedAt":1},{"id":2},null]')).toEqual([
      { id: 'a', title: 'A', visitedAt: 1 },
    ])
    expect(parseRecentBoards('[{"id":"a","title":"A","visitedAt":1,"token":"t","role":"owner"}]')).toEqual([])
  })

  it('[WR7] keeps a facilitator link only on a board this device was asked to remember, and follows its replacement', () => {
    const asFacilitator = { id: 'a', title: 'A', visitedAt: 1, token: 'f1', role: 'facilitator' as const }
    // Not remembered: the visit is listed, its facilitator token is not (nor an older one, from before).
    expect(withVisit([], asFacilitator)).toEqual([{ id: 'a', title: 'A', visitedAt: 1 }])
    expect(withVisit([{ ...asFacilitator, token: 'old' }], asFacilitator)).toEqual([
      { id: 'a', title: 'A', visitedAt: 1 },
    ])
    // A participant link seen before stays, as today.
    const participant = { id: 'a', title: 'A', visitedAt: 0, token: 'p', role: 'participant' as const }
    expect(withVisit([participant], asFacilitator)).toEqual([{ ...participant, visitedAt: 1 }])
    expect(withVisit([], participant)).toEqual([participant])

    const kept = withKeptBoard([], asFacilitator)
    expect(kept).toEqual([{ ...asFacilitator, kept: true }])
    // A replaced facilitator link is followed; a lesser link does not displace it.
    const replaced = withVisit(kept, { ...asFacilitator, token: 'f2', visitedAt: 2 })
    expect(replaced).toEqual([{ ...asFacilitator, token: 'f2', visitedAt: 2, kept: true }])
    expect(withVisit(replaced, { ...participant, visitedAt: 3 })).toEqual([
      { ...asFacilitator, token: 'f2', visitedAt: 3, kept: true },
    ])
    expect(withoutKeptBoard(replaced, 'a')).toEqual([{ id: 'a', title: 'A', visitedAt: 2 }])
    expect(parseRecentBoards(JSON.stringify([{ id: 'a', title: 'A', visitedAt: 1, kept: 'yes' }]))).toEqual([])
  })
})

/** Tests for the recent-boards list: order, cap, and tolerance of bad stored data. */
import { describe, expect, it } from 'vitest'
import { MAX_RECENT_BOARDS, parseRecentBoards, withRecentBoard } from './recentBoards'

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

  it('drops malformed stored data instead of failing', () => {
    expect(parseRecentBoards('not json')).toEqual([])
    expect(parseRecentBoards('{"id":"a"}')).toEqual([])
    expect(parseRecentBoards('[{"id":"a","title":"A","visitedAt":1},{"id":2},null]')).toEqual([
      { id: 'a', title: 'A', visitedAt: 1 },
    ])
  })
})

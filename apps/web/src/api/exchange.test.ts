/** Tests for reading the relay's history answers defensively. */
import { describe, expect, it } from 'vitest'
import { parseSnapshots } from './exchange'

describe('parseSnapshots', () => {
  it('reads the entries newest first and names unknown reasons as other', () => {
    const answer = {
      snapshots: [
        { id: 1, createdAt: 1000, reason: 'scheduled', bytes: 300 },
        { id: 3, createdAt: 3000, reason: 'something-new', bytes: 10 },
        { id: 2, createdAt: 2000, reason: 'before-import' },
      ],
    }
    expect(parseSnapshots(answer)).toEqual([
      { id: 3, createdAt: 3000, reason: 'other', bytes: 10 },
      { id: 2, createdAt: 2000, reason: 'before-import', bytes: 0 },
      { id: 1, createdAt: 1000, reason: 'scheduled', bytes: 300 },
    ])
  })

  it('drops entries without an id or time, and refuses an answer without a list', () => {
    expect(parseSnapshots({ snapshots: [null, { id: 'x', createdAt: 1 }, { id: 1 }] })).toEqual([])
    expect(() => parseSnapshots({})).toThrow()
  })
})

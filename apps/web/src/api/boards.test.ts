/** Tests for reading the relay's board answers defensively. */
import { describe, expect, it } from 'vitest'
import { parseBoardInfo } from './boards'

describe('parseBoardInfo', () => {
  it('accepts the relay shape', () => {
    expect(parseBoardInfo({ id: 'abc', title: 'Retro', createdAt: 5 })).toEqual({
      id: 'abc',
      title: 'Retro',
      createdAt: 5,
    })
  })

  it('accepts an ISO timestamp', () => {
    expect(parseBoardInfo({ id: 'abc', title: '', createdAt: '1970-01-01T00:00:01Z' })?.createdAt).toBe(1000)
  })

  it('rejects anything without an id and a title', () => {
    expect(parseBoardInfo(null)).toBeNull()
    expect(parseBoardInfo({ title: 'x' })).toBeNull()
    expect(parseBoardInfo({ id: 'abc', title: 3 })).toBeNull()
  })
})

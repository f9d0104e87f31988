import { describe, expect, it } from 'vitest'
import { pageShared } from './pageShared'

describe('pageShared', () => {
  it('gives every caller the value the first one made', () => {
    const first = pageShared('test-map', () => new Map<string, number>())
    first.set('a', 1)
    const second = pageShared('test-map', () => new Map<string, number>())
    expect(second).toBe(first)
    expect(second.get('a')).toBe(1)
  })

  it('is found by a copy of this module loaded apart, as the early script carries one', async () => {
    const made = pageShared('test-copy', () => ({ started: true }))
    const copy = (await import(`./pageShared?copy=${Date.now()}`)) as typeof import('./pageShared')
    expect(copy.pageShared).not.toBe(pageShared)
    expect(copy.pageShared('test-copy', () => ({ started: false }))).toBe(made)
  })
})

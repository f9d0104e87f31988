/** Tests for rebasing a caret over a collaborator's edit. */
import { describe, expect, it } from 'vitest'
import { rebaseOffset } from './remoteText'

describe('rebaseOffset', () => {
  it('leaves the caret alone when the change is after it', () => {
    expect(rebaseOffset('hello world', 'hello world!', 5)).toBe(5)
  })

  it('shifts the caret by what was inserted or removed before it', () => {
    expect(rebaseOffset('world', 'hello world', 3)).toBe(9)
    expect(rebaseOffset('hello world', 'world', 9)).toBe(3)
  })

  it('moves a caret inside a replaced range to the end of the replacement', () => {
    expect(rebaseOffset('abcdef', 'abXYZef', 3)).toBe(5)
  })

  it('keeps the caret when nothing changed', () => {
    expect(rebaseOffset('same', 'same', 2)).toBe(2)
  })
})

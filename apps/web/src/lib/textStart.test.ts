/** Tests for the note-name text start. */
import { describe, expect, it } from 'vitest'
import { textStart } from './textStart'

describe('textStart', () => {
  it('joins lines and shortens long text', () => {
    expect(textStart('  one\n two  ', 20)).toBe('one two')
    expect(textStart('abcdefghij', 5)).toBe('abcd…')
  })
})

/** Tests for the words every note shares, translated once per language. */
import { NOTE_COLOURS } from '@samla/board'
import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { noteStrings } from './noteStrings'

function countingT(language: string) {
  const keys: string[] = []
  const t = ((key: string) => {
    keys.push(key)
    return `${language}:${key}`
  }) as unknown as TFunction
  return { t, keys }
}

describe('noteStrings', () => {
  it('translates once per language and gives every note of that language the same words', () => {
    const english = countingT('en')
    const first = noteStrings(english.t, 'en-test')
    expect(first.delete).toBe('en:note.delete')
    expect(first.colours.yellow).toBe('en:colours.yellow')
    expect(Object.keys(first.colours)).toEqual([...NOTE_COLOURS])
    const translated = english.keys.length
    expect(noteStrings(english.t, 'en-test')).toBe(first)
    expect(english.keys).toHaveLength(translated)

    const swedish = countingT('sv')
    const other = noteStrings(swedish.t, 'sv-test')
    expect(other.text).toBe('sv:note.text')
    expect(other).not.toBe(first)
  })
})

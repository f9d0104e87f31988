/** Tests for Swedish-aware search matching. */
import type { NoteColour } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { foldForSearch, isFiltering, NO_FILTER, noteMatches } from './match'

const note = (text: string, colour: NoteColour = 'yellow', authorName = 'Anna') => ({ text, colour, authorName })
const query = (text: string) => ({ ...NO_FILTER, query: text })

describe('search matching', () => {
  it('ignores case and diacritics other than the Swedish letters', () => {
    expect(noteMatches(note('Café på HÖRNET'), query('cafe'))).toBe(true)
    expect(noteMatches(note('Müller säger'), query('MULLER'))).toBe(true)
    expect(noteMatches(note('naïve résumé'), query('naive resume'))).toBe(true)
  })

  it('keeps å, ä and ö letters of their own', () => {
    expect(noteMatches(note('far och mor'), query('får'))).toBe(false)
    expect(noteMatches(note('får och lamm'), query('far'))).toBe(false)
    expect(noteMatches(note('Fler gröna ytor'), query('grona'))).toBe(false)
    expect(noteMatches(note('Fler GRÖNA ytor'), query('gröna'))).toBe(true)
    expect(noteMatches(note('Ärende'), query('ärende'))).toBe(true)
    expect(noteMatches(note('Ärende'), query('arende'))).toBe(false)
  })

  it('treats the Nordic æ and ø as ä and ö, and decomposed å as å', () => {
    expect(noteMatches(note('Smørrebrød'), query('smörrebröd'))).toBe(true)
    expect(noteMatches(note('Læsø'), query('läsö'))).toBe(true)
    expect(foldForSearch('A\u030Angström')).toBe('ångström')
  })

  it('finds notes containing every word, in any order', () => {
    expect(noteMatches(note('Bättre cykelvägar i centrum'), query('centrum cykel'))).toBe(true)
    expect(noteMatches(note('Bättre cykelvägar i centrum'), query('centrum buss'))).toBe(false)
    expect(noteMatches(note('anything'), query('   '))).toBe(true)
  })

  it('filters by colour and by author (empty for notes without one)', () => {
    expect(noteMatches(note('x', 'yellow'), { ...NO_FILTER, colour: 'blue' })).toBe(false)
    expect(noteMatches(note('x', 'blue'), { ...NO_FILTER, colour: 'blue' })).toBe(true)
    expect(noteMatches(note('x', 'yellow', 'Bo'), { ...NO_FILTER, author: 'Anna' })).toBe(false)
    expect(noteMatches(note('x', 'yellow', ''), { ...NO_FILTER, author: '' })).toBe(true)
  })

  it('is filtering only with a query, a colour or an author', () => {
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(isFiltering(query('  '))).toBe(false)
    expect(isFiltering({ ...NO_FILTER, author: '' })).toBe(true)
  })
})

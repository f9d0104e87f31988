import { describe, expect, it } from 'vitest'
import { type ComparedNote, type NoteLanguage, normaliseText, noteLanguage, proposeStacks } from './near-duplicates.js'

/** Notes with ids n1, n2, … in the given order, all in `language`. */
const notesIn = (language: NoteLanguage, ...texts: string[]): ComparedNote[] =>
  texts.map((text, i) => ({ id: `n${i + 1}`, text, language }))

describe('near-duplicate notes', () => {
  it('[BN1] normaliseText: NFKC, lower case in any locale, no punctuation or symbols, single spaces', () => {
    expect(normaliseText('Fler busshållplatser!')).toBe('fler busshållplatser')
    expect(normaliseText('  fler \t busshållplatser\n')).toBe('fler busshållplatser')
    expect(normaliseText('ÅÄÖ åäö')).toBe('åäö åäö')
    // A decomposed ö (o and a combining diaeresis) and full-width letters come out composed and plain.
    expect(normaliseText('Gro\u0308nomra\u030ade')).toBe('grönområde')
    expect(normaliseText('ＦＬＥＲ ＢＵＳＳＡＲ')).toBe('fler bussar')
    expect(normaliseText('Buss/tåg – "snart"?')).toBe('buss tåg snart')
    expect(normaliseText("Don't park here")).toBe('dont park here')
    expect(normaliseText('Fika 🎉👍🏽 ❤️ #1')).toBe('fika 1')
    expect(normaliseText('buss\u00adhåll\u200bplats')).toBe('busshållplats')
    expect(normaliseText('!!! 🎉')).toBe('')
  })

  it('[BN2] equal normalised texts stack as same-text; a text that normalises to nothing never stacks', () => {
    const notes = notesIn('sv', 'Fler busshållplatser!', 'Tyst kupé', 'fler  busshållplatser', '!!!', '?', '🎉', '🎉')
    expect(proposeStacks(notes)).toEqual([{ noteIds: ['n1', 'n3'], kind: 'same-text' }])
    // Function words alone still stack by their text.
    expect(proposeStacks(notesIn('sv', 'Det är vi', 'det är vi.'))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-text' },
    ])
  })

  it('[BN3] Swedish inflections of simple and compound nouns stack as same-words', () => {
    expect(proposeStacks(notesIn('sv', 'Bredare cykelbanor', 'Bredare cykelbana'))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-words' },
    ])
    // Plural, definite and bare forms of busshållplats, and the definite -an of cykelbana and skola.
    expect(
      proposeStacks(notesIn('sv', 'Tak på busshållplatserna', 'Tak på busshållplatsen', 'Tak på busshållplats')),
    ).toEqual([{ noteIds: ['n1', 'n2', 'n3'], kind: 'same-words' }])
    expect(proposeStacks(notesIn('sv', 'Cykelbanan vid skolan är smal', 'Cykelbanor vid skolor är smala'))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-words' },
    ])
    // The words a wish is phrased with ("vi behöver") are not content.
    expect(
      proposeStacks(notesIn('sv', 'Vi behöver fler busshållplatser i centrum', 'Fler busshållplatser i centrum!')),
    ).toEqual([{ noteIds: ['n1', 'n2'], kind: 'same-words' }])
    // Three shared content words and one added still stack (3 of 4).
    expect(proposeStacks(notesIn('sv', 'Fler träd i parken', 'Fler träd och bänkar i parkerna'))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-words' },
    ])
  })

  it('[BN4] English inflections stack as same-words', () => {
    expect(proposeStacks(notesIn('en', 'More bike lanes near schools', 'More bike lane near school'))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-words' },
    ])
    expect(
      proposeStacks(notesIn('en', 'We need safer crossings for kids', 'Safer crossing for kids!', 'Parking fees')),
    ).toEqual([{ noteIds: ['n1', 'n2'], kind: 'same-words' }])
    expect(proposeStacks(notesIn('en', 'Streetlights in the park', 'There should be a streetlight in parks'))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-words' },
    ])
  })

  it('[BN5] notes are never stacked across languages, even with the same text', () => {
    const notes: ComparedNote[] = [
      { id: 'sv-1', text: 'Buss', language: 'sv' },
      { id: 'en-1', text: 'Bus', language: 'en' },
      { id: 'en-2', text: 'Buss', language: 'en' },
      { id: 'sv-2', text: 'Parkering', language: 'sv' },
      { id: 'en-3', text: 'Parkering', language: 'en' },
      { id: 'sv-3', text: 'Bus', language: 'sv' },
    ]
    expect(proposeStacks(notes)).toEqual([])
    expect(proposeStacks([...notes, { id: 'sv-4', text: 'buss!', language: 'sv' }])).toEqual([
      { noteIds: ['sv-1', 'sv-4'], kind: 'same-text' },
    ])
  })

  it('[BN6] different ideas that share words are not stacked', () => {
    const swedish = notesIn(
      'sv',
      'Bygg en busshållplats vid skolan',
      'Busshållplatsen vid skolan är farlig',
      'Fler busshållplatser i centrum',
      'Ny busshållplats i centrum',
      'Fler bilar i centrum',
      'Färre bilar i centrum',
      'Inte fler bilar i centrum',
      'Bredare cykelbanor',
      'Bredare cykelbanor i centrum',
    )
    expect(proposeStacks(swedish)).toEqual([])
    const english = notesIn('en', 'More buses to school', 'No buses to school', 'Fewer buses to school', 'Bus lanes')
    expect(proposeStacks(english)).toEqual([])
    // Alike in words (3 of 4), but one says no.
    expect(proposeStacks(notesIn('en', 'Parking in the city centre', 'No parking in the city centre'))).toEqual([])
    expect(
      proposeStacks(notesIn('en', "Don't close the library on weekends", 'Close the library on weekends')),
    ).toEqual([])
  })

  it('[BN7] a one-word note stacks only with one-word notes of the same stem', () => {
    const notes = notesIn('sv', 'Buss', 'Buss till skolan', 'Bussar', 'Bussen!', 'Cykelbanor', 'Tåg', 'cykelbana')
    expect(proposeStacks(notes)).toEqual([
      { noteIds: ['n1', 'n3', 'n4'], kind: 'same-words' },
      { noteIds: ['n5', 'n7'], kind: 'same-words' },
    ])
    expect(proposeStacks(notesIn('en', 'Bus', 'Bus to school', 'bus.'))).toEqual([
      { noteIds: ['n1', 'n3'], kind: 'same-text' },
    ])
  })

  it('[BN8] stacks are complete: notes alike in a chain, but not end to end, are not stacked together', () => {
    // "fler träd park" ~ "fler träd bänk park" (3 of 4) ~ "träd bänk park" (3 of 4), but 2 of 4 end to end.
    const chain = ['Fler träd i parken', 'Fler träd och bänkar i parken', 'Träd och bänkar i parken']
    expect(proposeStacks(notesIn('sv', ...chain))).toEqual([{ noteIds: ['n1', 'n2'], kind: 'same-words' }])
    expect(proposeStacks(notesIn('sv', ...[...chain].reverse()))).toEqual([
      { noteIds: ['n1', 'n2'], kind: 'same-words' },
    ])
    // Exact copies go along with their note, and make the stack same-words when it holds another text.
    expect(proposeStacks(notesIn('sv', 'Fler träd i parken', 'fler träd i parken!', 'Fler träd i parkerna'))).toEqual([
      { noteIds: ['n1', 'n2', 'n3'], kind: 'same-words' },
    ])
  })

  it('[BN9] the result is deterministic: stacks in the order of their first notes, ids in the order given', () => {
    const notes: ComparedNote[] = [
      { id: 'z', text: 'Bredare cykelbanor', language: 'sv' },
      { id: 'y', text: 'More bike lanes near schools', language: 'en' },
      { id: 'x', text: 'Buss', language: 'sv' },
      { id: 'w', text: 'bredare cykelbanor!', language: 'sv' },
      { id: 'v', text: 'Bussar', language: 'sv' },
      { id: 'u', text: 'More bike lane near school', language: 'en' },
      { id: 't', text: 'Bredare cykelbana', language: 'sv' },
    ]
    const expected = [
      { noteIds: ['z', 'w', 't'], kind: 'same-words' },
      { noteIds: ['y', 'u'], kind: 'same-words' },
      { noteIds: ['x', 'v'], kind: 'same-words' },
    ]
    expect(proposeStacks(notes)).toEqual(expected)
    expect(proposeStacks(notes)).toEqual(expected)
    expect(proposeStacks([...notes].reverse())).toEqual([
      { noteIds: ['t', 'w', 'z'], kind: 'same-words' },
      { noteIds: ['u', 'y'], kind: 'same-words' },
      { noteIds: ['v', 'x'], kind: 'same-words' },
    ])
  })

  it('[BN10] 10,000 notes take well under a second (asserted under 2 s each)', () => {
    // A pseudo-random workshop: two languages, sentences from small vocabularies (so words recur, as
    // "buss" does on a real board), and one note in ten a copy of an earlier one, shouted or reworded.
    let seed = 20_261_207
    const random = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647
      return seed % n
    }
    const vocabulary: Record<NoteLanguage, string[]> = {
      sv: [
        ...'buss bussar busshållplats busshållplatser cykelbana cykelbanor skola skolan park parken träd'.split(' '),
        ...'bänkar belysning trygghet parkering bibliotek simhall fritidsgård äldreboende lekplats torget'.split(' '),
        ...'centrum bredare fler färre nya säkrare tryggare billigare gratis kvällstid helger snöröjning'.split(' '),
      ],
      en: [
        ...'bus buses stop stops bike lane lanes school schools park parks tree trees benches lighting'.split(' '),
        ...'safety parking library pool youth centre playground square wider more fewer new safer cheaper'.split(' '),
        ...'free evenings weekends summer winter snow clearing'.split(' '),
      ],
    }
    const glue: Record<NoteLanguage, string[]> = {
      sv: ['i', 'vid', 'och', 'på', 'för'],
      en: ['in', 'at', 'and', 'for', 'the'],
    }
    const workshop: ComparedNote[] = []
    for (let i = 0; i < 10_000; i++) {
      const earlier = workshop[random(workshop.length || 1)]
      if (earlier && i % 10 === 0) {
        const text = i % 20 === 0 ? `${earlier.text.toUpperCase()}!` : `${earlier.text} ${glue[earlier.language][0]}`
        workshop.push({ id: `note-${i}`, text, language: earlier.language })
        continue
      }
      const language: NoteLanguage = i % 2 === 0 ? 'sv' : 'en'
      const words = Array.from({ length: 3 + random(5) }, (_, w) =>
        w % 2 === 1 ? glue[language][random(5)] : vocabulary[language][random(vocabulary[language].length)],
      )
      workshop.push({ id: `note-${i}`, text: words.join(' '), language })
    }
    // The worst case for an index by word: every note shares the same words but one (3 of 5, not alike).
    const onePattern = Array.from({ length: 10_000 }, (_, i) => ({
      id: `note-${i}`,
      text: `Fler bussar i centrum kvarter${i}`,
      language: 'sv' as const,
    }))
    for (const [name, notes, least] of [
      ['a workshop', workshop, 100],
      ['one pattern', onePattern, 0],
    ] as const) {
      const started = performance.now()
      const stacks = proposeStacks(notes)
      const elapsed = performance.now() - started
      console.log(`[BN10] ${name}: 10,000 notes, ${stacks.length} stacks in ${elapsed.toFixed(0)} ms`)
      expect(stacks.length).toBeGreaterThanOrEqual(least)
      expect(elapsed).toBeLessThan(2000)
    }
  })

  it('[BN11] noteLanguage guesses from å, ä, ö and function words, and falls back when unsure', () => {
    expect(noteLanguage('Fler bussar till skolan', 'en')).toBe('sv')
    expect(noteLanguage('Inte fler bilar', 'en')).toBe('sv')
    expect(noteLanguage('Bättre belysning', 'en')).toBe('sv')
    expect(noteLanguage('More bike lanes near schools', 'sv')).toBe('en')
    expect(noteLanguage('We need a library in the centre', 'sv')).toBe('en')
    expect(noteLanguage('More buses to Malmö and Lund', 'sv')).toBe('en')
    // A single noun, a name or nothing at all: no evidence either way.
    expect(noteLanguage('Buss', 'sv')).toBe('sv')
    expect(noteLanguage('Bus', 'sv')).toBe('sv')
    expect(noteLanguage('Parkering', 'en')).toBe('en')
    expect(noteLanguage('🎉', 'en')).toBe('en')
    // "i" and "in" are words of both languages and tell nothing.
    expect(noteLanguage('Park i centrum', 'en')).toBe('en')
  })
})

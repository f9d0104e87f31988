/** Tests for the CSV import wizard's checks. */
import { MAX_NOTE_TEXT_LENGTH, parseCsv } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { checkImport, colourByName, decodeCsv, guessMapping, MAX_IMPORT_ROWS, readCsv } from './csvCheck'

const none = { kind: 'none' } as const

describe('decodeCsv', () => {
  it('reads UTF-8, and Windows-1252 from Excel, with Swedish letters intact', () => {
    expect(decodeCsv(new TextEncoder().encode('Text\nÅsa 🎉'))).toBe('Text\nÅsa 🎉')
    expect(decodeCsv(new Uint8Array([0x54, 0x0a, 0xc5, 0x73, 0x61, 0x3b, 0xf6]))).toBe('T\nÅsa;ö')
  })
})

describe('readCsv', () => {
  it('reads a table with awkward text intact', () => {
    const result = readCsv('\uFEFFText,Färg\r\n"Hej, ""du""\nrad två 🎉 åäö",blå\r\n')
    expect(result).toEqual({
      table: {
        columns: ['Text', 'Färg'],
        rows: [{ line: 2, cells: { Text: 'Hej, "du"\nrad två 🎉 åäö', Färg: 'blå' } }],
      },
    })
  })

  it('reads the semicolons Excel writes in Swedish settings', () => {
    expect(readCsv('Text;Färg\nEtt, två;gul\n')).toEqual({
      table: { columns: ['Text', 'Färg'], rows: [{ line: 2, cells: { Text: 'Ett, två', Färg: 'gul' } }] },
    })
  })

  it('names what is wrong with an unusable file', () => {
    expect(readCsv('')).toEqual({ problem: 'empty' })
    expect(readCsv('Text\n')).toEqual({ problem: 'no-rows' })
    expect(readCsv(`Text\n${'x\n'.repeat(MAX_IMPORT_ROWS + 1)}`)).toEqual({ problem: 'too-many-rows' })
  })
})

describe('guessMapping', () => {
  it('finds text and colour columns by name in either language', () => {
    expect(guessMapping(['Grupp', 'Text', 'Färg'])).toEqual({ text: 'Text', colour: 'Färg' })
    expect(guessMapping(['Idea', 'Color'])).toEqual({ text: 'Idea', colour: 'Color' })
  })

  it('falls back to the first column and no colour', () => {
    expect(guessMapping(['Förslag från enkäten', 'Svar'])).toEqual({ text: 'Förslag från enkäten', colour: null })
  })
})

describe('colourByName', () => {
  it('accepts palette names in Swedish and English, in any case', () => {
    expect(colourByName('Blå')).toBe('blue')
    expect(colourByName(' GRÖN ')).toBe('green')
    expect(colourByName('purple')).toBe('purple')
    expect(colourByName('lila')).toBe('purple')
    expect(colourByName('gray')).toBe('grey')
    expect(colourByName('turkos')).toBeUndefined()
  })
})

describe('checkImport', () => {
  const table = parseCsv(
    `Text,Färg\nBra idé,gul\n"",blå\n${'x'.repeat(MAX_NOTE_TEXT_LENGTH + 1)},\nTredje,turkos\n"Två\nrader",Pink\n`,
  )

  it('lists every bad row by its line and refuses the import', () => {
    const check = checkImport(table, { text: 'Text', colour: 'Färg' }, none, new Set())
    expect(check.problems).toEqual([
      { line: 3, kind: 'empty' },
      { line: 4, kind: 'too-long' },
      { line: 5, kind: 'colour', value: 'turkos' },
    ])
    expect(check.ready).toBe(false)
  })

  it('is ready once every row is good', () => {
    const good = parseCsv('Text,Färg\nBra idé,gul\n"Två\nrader",Pink\nUtan färg,\n')
    const check = checkImport(good, { text: 'Text', colour: 'Färg' }, none, new Set())
    expect(check.problems).toEqual([])
    expect(check.notes.map((note) => [note.line, note.text, note.colour])).toEqual([
      [2, 'Bra idé', 'yellow'],
      [3, 'Två\nrader', 'pink'],
      [5, 'Utan färg', undefined],
    ])
    expect(check.ready).toBe(true)
  })

  it('ignores the colour column when none is mapped', () => {
    const check = checkImport(parseCsv('Text,Färg\nA,turkos\n'), { text: 'Text', colour: null }, none, new Set())
    expect(check.ready).toBe(true)
  })

  it('checks the target: a new cluster needs a name, an existing one must still be there', () => {
    const good = parseCsv('Text\nA\n')
    const mapping = { text: 'Text', colour: null }
    expect(checkImport(good, mapping, { kind: 'new', name: '  ' }, new Set()).targetProblem).toBe('name-missing')
    expect(checkImport(good, mapping, { kind: 'existing', clusterId: 'gone' }, new Set(['c1'])).targetProblem).toBe(
      'cluster-gone',
    )
    expect(checkImport(good, mapping, { kind: 'existing', clusterId: 'c1' }, new Set(['c1'])).ready).toBe(true)
  })
})

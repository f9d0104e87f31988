/** Tests for reading a board file for import. */
import { describe, expect, it } from 'vitest'
import { MAX_BOARD_FILE_BYTES, readBoardFile } from './boardFile'

describe('readBoardFile', () => {
  it('offers the exported title', () => {
    const text = JSON.stringify({ format: 'samla-board', title: ' Framtidens bibliotek 📚 ', notes: [] })
    expect(readBoardFile(text, 'x.json', text.length)).toMatchObject({ ok: true, title: 'Framtidens bibliotek 📚' })
  })

  it('falls back to the file name without the export prefix', () => {
    expect(readBoardFile('{"notes":[]}', 'samla-Retro vecka 12.json', 12)).toMatchObject({ title: 'Retro vecka 12' })
  })

  it('refuses what is not a JSON object, or too large to send', () => {
    expect(readBoardFile('Text,Färg', 'a.csv', 9)).toEqual({ ok: false, problem: 'not-json' })
    expect(readBoardFile('[1]', 'a.json', 3)).toEqual({ ok: false, problem: 'not-json' })
    expect(readBoardFile('{}', 'a.json', MAX_BOARD_FILE_BYTES + 1)).toEqual({ ok: false, problem: 'too-large' })
  })
})

/** Tests for the notes clipboard format and laying out pasted notes. */
import { DEFAULT_NOTE_SIZE, MAX_COORDINATE, MAX_NOTE_SIZE, type NoteSnapshot } from '@samla/board'
import { describe, expect, it } from 'vitest'
import { MAX_PASTED_NOTES, notesFromText, parseNotesJson, placeAround, serialiseNotes } from './clipboard'

function snapshot(id: string, text: string, x: number, y: number): NoteSnapshot {
  return {
    id,
    text,
    x,
    y,
    width: 160,
    height: 160,
    colour: 'blue',
    authorId: 'someone-else',
    authorName: 'Någon',
    clusterId: 'cluster-1',
    createdAt: 1,
    order: 'a0',
  }
}

describe('notes clipboard', () => {
  it('round-trips notes without ids, authors or clusters', () => {
    const { json, text } = serialiseNotes([snapshot('n1', 'Ett', 0, 0), snapshot('n2', 'Två', 200, 40)])
    expect(text).toBe('Ett\n\nTvå')
    expect(json).not.toContain('Någon')
    expect(json).not.toContain('cluster-1')
    expect(parseNotesJson(json)).toEqual([
      { text: 'Ett', x: 0, y: 0, width: 160, height: 160, colour: 'blue' },
      { text: 'Två', x: 200, y: 40, width: 160, height: 160, colour: 'blue' },
    ])
  })

  it('reads foreign or broken JSON defensively', () => {
    expect(parseNotesJson('not json')).toBeNull()
    expect(parseNotesJson('{"format":"other","notes":[]}')).toBeNull()
    const odd = parseNotesJson(
      JSON.stringify({ format: 'samla-notes', notes: [{ text: 5, x: 'a', width: 99999, colour: 'red' }, null] }),
    )
    expect(odd).toEqual([{ text: '', x: 0, y: 0, width: MAX_NOTE_SIZE, height: DEFAULT_NOTE_SIZE, colour: 'yellow' }])
  })

  it('makes one note per non-empty line, at most MAX_PASTED_NOTES, in a grid', () => {
    const notes = notesFromText('Första\r\n\n  Andra  \nTredje\nFjärde')
    expect(notes.map((note) => note.text)).toEqual(['Första', 'Andra', 'Tredje', 'Fjärde'])
    expect(new Set(notes.map((note) => `${note.x},${note.y}`)).size).toBe(4)
    expect(notesFromText(Array.from({ length: 500 }, (_, i) => `rad ${i}`).join('\n'))).toHaveLength(MAX_PASTED_NOTES)
  })

  it('centres pasted notes on the paste point, keeping their relative positions and the board bounds', () => {
    const notes = notesFromText('a\nb')
    const placed = placeAround(notes, { x: 1000, y: 500 })
    const [first, second] = placed
    expect(first && second && second.x - first.x).toBe((notes[1]?.x ?? 0) - (notes[0]?.x ?? 0))
    const left = Math.min(...placed.map((n) => n.x))
    const right = Math.max(...placed.map((n) => n.x + n.width))
    expect((left + right) / 2).toBe(1000)
    const far = placeAround(notes, { x: MAX_COORDINATE, y: -MAX_COORDINATE * 2 })
    expect(far.every((n) => n.x + n.width <= MAX_COORDINATE && n.y >= -MAX_COORDINATE)).toBe(true)
  })
})

/**
 * The notes both apps get: the same grid, texts and colours for a given size, generated from a fixed
 * seed so every run draws the same board. Texts are short workshop sentences of 5–20 words.
 */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import * as prng from 'lib0/prng'
import { GRID } from './config.js'

export interface BenchNote {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly text: string
  readonly colour: NoteColour
}

const WORDS = (
  'we should try a shorter onboarding for new members and ask the library about shared rooms ' +
  'maybe pilot the idea in one school first budget for translation is missing check with the ' +
  'council next week more benches along the river path evening opening hours would help parents ' +
  'collect feedback from residents early plan a follow up workshop in spring who owns the data ' +
  'simple forms in plain language bus stops need better lighting invite the youth council too'
).split(' ')

export function gridColumns(count: number): number {
  return Math.ceil(Math.sqrt(count * GRID.aspect))
}

export function gridNotes(count: number): BenchNote[] {
  // Seeded, so both apps draw identical boards.
  const generator = prng.create(count)
  const random = () => prng.real53(generator)
  const columns = gridColumns(count)
  return Array.from({ length: count }, (_, i) => {
    const length = 5 + Math.floor(random() * 16)
    const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)])
    const text = words.join(' ')
    return {
      id: `note_${String(i).padStart(16, '0')}`,
      x: GRID.originX + (i % columns) * GRID.pitch,
      y: GRID.originY + Math.floor(i / columns) * GRID.pitch,
      width: GRID.noteSize,
      height: GRID.noteSize,
      text: text.charAt(0).toUpperCase() + text.slice(1),
      colour: NOTE_COLOURS[Math.floor(random() * NOTE_COLOURS.length)] ?? 'yellow',
    }
  })
}

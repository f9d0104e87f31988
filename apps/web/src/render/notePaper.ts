/**
 * The notes' paper colours as in notes.css, for everything that draws notes itself (the overview
 * canvas, the PNG export). Notes are the same light paper in every theme.
 */
import type { NoteColour } from '@samla/board'

export const NOTE_PAPER: Record<NoteColour, string> = {
  yellow: '#fff0a0',
  orange: '#ffd6a5',
  pink: '#ffc8dd',
  purple: '#ddd2ff',
  blue: '#c9e2ff',
  green: '#c8ecc4',
  grey: '#e3e3df',
}

/**
 * The fixed note palette. Colours are stored by name, never as hex, so that meaning can be
 * spoken ("yellow note") and themes can render each name with enough contrast.
 */
export const NOTE_COLOURS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'green', 'grey'] as const
export type NoteColour = (typeof NOTE_COLOURS)[number]
export const DEFAULT_NOTE_COLOUR: NoteColour = 'yellow'

export function isNoteColour(value: unknown): value is NoteColour {
  return typeof value === 'string' && (NOTE_COLOURS as readonly string[]).includes(value)
}

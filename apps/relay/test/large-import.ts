/**
 * A board export of about the given size, as a facilitator's JSON download would be: notes of full
 * length text, for the import tests and the import stall benchmark. One note is made and exported
 * by the board model; the others are copies of it with their own ids, places and text.
 */
import { addNote, exportBoardJson, initBoard, MAX_NOTE_TEXT_LENGTH } from '@samla/board'
import * as Y from 'yjs'

const WORDS = ['medborgardialog', 'kommun', 'återbruk', 'cykelbana', 'bibliotek', 'trygghet', 'skola', 'ö']

function noteText(i: number, length: number): string {
  let text = `${i} `
  while (text.length < length - 20) text += `${WORDS[(i + text.length) % WORDS.length]} `
  return text.slice(0, length)
}

/**
 * The creation body (JSON text) for a board whose export takes about `bytes` bytes (never more),
 * its notes' text `textLength` characters long: short notes make the most notes, the most work per byte.
 * At most `maxNotes` notes (a board's limit).
 */
export function largeImportBody(
  bytes: number,
  { title = 'Stor import', textLength = MAX_NOTE_TEXT_LENGTH, maxNotes = Number.POSITIVE_INFINITY } = {},
): string {
  const doc = new Y.Doc()
  initBoard(doc, { title, now: Date.now() })
  addNote(doc, { text: 'mall', x: 0, y: 0, now: Date.now() })
  const exported = exportBoardJson(doc, [])
  doc.destroy()
  const [template] = exported.notes
  if (!template) throw new Error('the export has no note')
  const note = (i: number) => ({
    ...template,
    id: `note-${String(i).padStart(8, '0')}`,
    text: noteText(i, textLength),
    x: (i % 100) * 200,
    y: Math.floor(i / 100) * 200,
    order: `a${i.toString(36)}`,
  })
  const empty = Buffer.byteLength(JSON.stringify({ title, import: { ...exported, notes: [] } }))
  // Each note's JSON, with its comma, at its longest (the largest index).
  const perNote = Buffer.byteLength(JSON.stringify(note(10_000_000))) + 1
  const count = Math.min(maxNotes, Math.max(0, Math.floor((bytes - empty) / perNote)))
  return JSON.stringify({ title, import: { ...exported, notes: Array.from({ length: count }, (_, i) => note(i)) } })
}

/** Samla's board model: a Yjs schema with validated, transactional operations. No UI, no I/O. */
export { BoardError, type BoardErrorCode } from './errors.js'
export * from './limits.js'
export { DEFAULT_NOTE_COLOUR, isNoteColour, NOTE_COLOURS, type NoteColour } from './palette.js'
export { SCHEMA_VERSION } from './schema.js'
export { type BoardMeta, initBoard, migrateBoard, readMeta, setBoardTitle } from './meta.js'
export {
  type AddNoteInput,
  addNote,
  bringToFront,
  compareStacking,
  deleteNotes,
  listNotes,
  moveNotes,
  type NoteSnapshot,
  readNote,
  recolourNotes,
  resizeNote,
  setNoteText,
} from './note.js'
export { type BoardReader, createBoardReader, type NoteLayout } from './reader.js'
export { type ControlReader, type ControlState, createControlReader, readControl, setLocked } from './control.js'

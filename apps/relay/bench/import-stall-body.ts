/**
 * The import `pnpm bench:import-stall` measures: the largest body the relay takes, with as many notes as
 * a board may hold, their text as long as fills the body (BENCH_NOTE_LENGTH sets it instead).
 */
import { DEFAULT_LIMITS } from '../src/index.js'
import { largeImportBody } from '../test/large-import.js'

/** About what a note's JSON takes besides its text (id, place, size, colour, author, stacking key). */
const NOTE_OVERHEAD_BYTES = 260

export const STALL_LIMITS = { maxNotes: DEFAULT_LIMITS.maxNotesPerBoard, maxGroups: DEFAULT_LIMITS.maxGroupsPerBoard }

export function stallBody(): string {
  const bytes = DEFAULT_LIMITS.maxImportBytes - 1024
  const filling = Math.floor(bytes / STALL_LIMITS.maxNotes) - NOTE_OVERHEAD_BYTES
  return largeImportBody(bytes, {
    textLength: Number(process.env.BENCH_NOTE_LENGTH ?? filling),
    maxNotes: STALL_LIMITS.maxNotes,
  })
}

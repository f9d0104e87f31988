/** The import `pnpm bench:import-stall` measures: the largest body the relay takes, of short notes by default. */
import { DEFAULT_LIMITS } from '../src/index.js'
import { largeImportBody } from '../test/large-import.js'

export function stallBody(): string {
  return largeImportBody(DEFAULT_LIMITS.maxImportBytes - 1024, {
    textLength: Number(process.env.BENCH_NOTE_LENGTH ?? 20),
  })
}

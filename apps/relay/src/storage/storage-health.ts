/**
 * Whether storage takes writes. Every write of the relay goes through the watched storage: one that
 * fails (a full disk, a read-only file system) marks storage failing, is logged, and is rethrown as
 * a StorageFailure, so callers can tell a storage fault from a bug and answer it as one (1011, 503).
 * While storage is failing, a cheap probe write runs on a timer; the first write that succeeds,
 * probe or real, marks storage healthy again: the relay recovers when space returns, without a
 * restart. A probe that throws is caught here, so no timer of this module can end the process.
 */
import type { Logger } from 'pino'
import type { Storage } from './storage.js'

/** A storage write that failed; what was being written was not stored. */
export class StorageFailure extends Error {
  constructor(cause: unknown) {
    super(`storage write failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'StorageFailure'
  }
}

/** The methods of Storage that write: each is watched. */
const WRITES = [
  'createBoard',
  'rotateLink',
  'joinCode',
  'deleteBoard',
  'appendUpdate',
  'compact',
  'addScheduledHistory',
  'addHistory',
  'setDots',
  'adoptBallots',
  'recordMergeSources',
  'probe',
] as const satisfies readonly (keyof Storage)[]

/** The methods that only read (or close). */
type Reads =
  | 'getBoard'
  | 'boardOfJoinCode'
  | 'mergedBoardsOf'
  | 'loadDoc'
  | 'updatesAfter'
  | 'listHistory'
  | 'getHistory'
  | 'loadBallots'
  | 'keepsBallots'
  | 'usedBytes'
  | 'untouchedSince'
  | 'close'
/** A Storage method added without being named a write or a read stops the build here: none goes unwatched. */
type Unclassified = Exclude<keyof Storage, (typeof WRITES)[number] | Reads>
const everyMethodClassified: [Unclassified] extends [never] ? true : never = true
void everyMethodClassified

export interface StorageHealth {
  /** Since when (ms epoch) writes fail; null while they succeed. */
  readonly failingSince: number | null
  /** Stops probing; for a relay that is closing. */
  stop(): void
}

export function watchStorage(
  storage: Storage,
  { log, probeIntervalMs }: { log: Logger; probeIntervalMs: number },
): { storage: Storage; health: StorageHealth } {
  let failingSince: number | null = null
  let probing: NodeJS.Timeout | undefined

  const succeeded = () => {
    if (failingSince === null) return
    log.info({ failedForMs: Date.now() - failingSince }, 'storage takes writes again')
    failingSince = null
    clearInterval(probing)
    probing = undefined
  }
  const failed = (write: string, error: unknown) => {
    if (failingSince !== null) {
      log.debug({ write, err: error }, 'storage write failed again')
      return
    }
    failingSince = Date.now()
    log.error({ write, err: error }, 'storage write failed; writes are refused until storage takes one again')
    probing = setInterval(probe, probeIntervalMs)
    probing.unref()
  }
  const attempt = async <T>(write: string, run: () => Promise<T>): Promise<T> => {
    let result: T
    try {
      result = await run()
    } catch (error) {
      failed(write, error)
      throw error instanceof StorageFailure ? error : new StorageFailure(error)
    }
    succeeded()
    return result
  }
  const probe = () => {
    // Logged by `failed`; the next probe tries again.
    watched.probe().catch(() => undefined)
  }

  // Built on the given storage so that every read passes through untouched, whatever its shape.
  const watched: Storage = Object.create(storage)
  for (const name of WRITES) {
    const write = storage[name] as (...args: unknown[]) => Promise<unknown>
    Object.defineProperty(watched, name, {
      value: (...args: unknown[]) => attempt(name, () => write.apply(storage, args)),
    })
  }

  return {
    storage: watched,
    health: {
      get failingSince() {
        return failingSince
      },
      stop() {
        clearInterval(probing)
        probing = undefined
      },
    },
  }
}

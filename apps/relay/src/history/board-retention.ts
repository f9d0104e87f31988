/**
 * Retention, off unless set: boards with no stored change for the set time are erased, exactly as
 * their facilitator would erase them (their sockets closed with 4410, their docs, history and
 * ballots gone). A timer looks for them; one board that cannot be erased is logged and the others
 * go on. The web app tells the facilitator in the board how long an unchanged board is kept.
 */
import type { Logger } from 'pino'
import type { RetentionSettings } from '../base/config.js'
import type { Storage } from '../storage/storage.js'

/** Boards erased in one look; the rest wait for the next, so a first run on a big instance is no long pause. */
const ERASED_PER_CHECK = 100

export function startRetention(
  storage: Storage,
  settings: RetentionSettings,
  erase: (boardId: string) => Promise<void>,
  log: Logger,
): { stop(): void } {
  const check = async () => {
    try {
      for (const boardId of await storage.untouchedSince(Date.now() - settings.afterMs, ERASED_PER_CHECK)) {
        try {
          await erase(boardId)
          log.info({ room: boardId }, 'board erased after the retention time without changes')
        } catch (error) {
          log.error({ err: error, room: boardId }, 'retention could not erase a board')
        }
      }
    } catch (error) {
      log.error({ err: error }, 'retention could not look for unchanged boards')
    }
  }
  const timer = setInterval(() => void check(), settings.checkEveryMs)
  timer.unref()
  const first = setTimeout(() => void check(), 0)
  first.unref()
  return {
    stop() {
      clearInterval(timer)
      clearTimeout(first)
    },
  }
}

/**
 * The batching behind the board's one polite live region. Screen-reader users hear what others do
 * without a stream of interruptions: counted events (notes added by others) are summed, messages
 * are de-duplicated, and everything waiting is spoken together — shortly after a quiet spell, and
 * otherwise at most once per interval.
 */

export type CountKind = 'notesAdded'

export interface AnnouncerOptions {
  /** Least time between two announcements, in ms. */
  readonly interval: number
  /** How long the first event after a quiet spell waits for others that belong with it, in ms. */
  readonly gather: number
  readonly describe: (kind: CountKind, count: number) => string
  readonly speak: (text: string) => void
  readonly now?: () => number
}

export interface Announcer {
  count(kind: CountKind, n?: number): void
  say(message: string): void
  destroy(): void
}

export function createAnnouncer({ interval, gather, describe, speak, now = Date.now }: AnnouncerOptions): Announcer {
  const counts = new Map<CountKind, number>()
  const messages: string[] = []
  let lastSpoken = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = () => {
    timer = null
    const parts = [...[...counts].map(([kind, n]) => describe(kind, n)), ...messages]
    counts.clear()
    messages.length = 0
    if (parts.length === 0) return
    lastSpoken = now()
    speak(parts.join(' '))
  }

  const schedule = () => {
    if (timer !== null) return
    timer = setTimeout(flush, Math.max(gather, lastSpoken + interval - now()))
  }

  return {
    count(kind, n = 1) {
      if (n <= 0) return
      counts.set(kind, (counts.get(kind) ?? 0) + n)
      schedule()
    },
    say(message) {
      if (!messages.includes(message)) messages.push(message)
      schedule()
    },
    destroy() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}

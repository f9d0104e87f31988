/** The live-region batching: counts summed, messages de-duplicated, at most one announcement per interval. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAnnouncer } from './announcer'

function setup() {
  const spoken: string[] = []
  const announcer = createAnnouncer({
    interval: 4000,
    gather: 500,
    describe: (_, n) => `${n} new`,
    speak: (text) => spoken.push(text),
  })
  return { spoken, announcer }
}

describe('announcer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sums a burst of events into one announcement after the gathering delay', () => {
    const { spoken, announcer } = setup()
    for (let i = 0; i < 5; i++) announcer.count('notesAdded')
    expect(spoken).toEqual([])
    vi.advanceTimersByTime(500)
    expect(spoken).toEqual(['5 new'])
  })

  it('speaks at most once per interval, carrying later events to the next announcement', () => {
    const { spoken, announcer } = setup()
    announcer.count('notesAdded')
    vi.advanceTimersByTime(500)
    announcer.count('notesAdded', 2)
    announcer.say('Time is up.')
    announcer.say('Time is up.')
    vi.advanceTimersByTime(3000)
    expect(spoken).toEqual(['1 new'])
    vi.advanceTimersByTime(1000)
    expect(spoken).toEqual(['1 new', '2 new Time is up.'])
  })

  it('after a quiet spell, speaks again after the short delay only', () => {
    const { spoken, announcer } = setup()
    announcer.say('a')
    vi.advanceTimersByTime(10_000)
    announcer.say('b')
    vi.advanceTimersByTime(500)
    expect(spoken).toEqual(['a', 'b'])
  })

  it('ignores empty counts and stops on destroy', () => {
    const { spoken, announcer } = setup()
    announcer.count('notesAdded', 0)
    announcer.say('later')
    announcer.destroy()
    vi.advanceTimersByTime(10_000)
    expect(spoken).toEqual([])
  })
})

/** Tests for pacing cursor updates. */
import { describe, expect, it } from 'vitest'
import { CURSOR_BACKLOG_LIMIT, createCursorPacer } from './cursorPacer'

function clock() {
  let now = 0
  const timers: { at: number; run: () => void }[] = []
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run }
      timers.push(timer)
      return timer
    },
    clearTimer: (timer: unknown) => {
      timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1)
    },
    advance(ms: number) {
      const end = now + ms
      for (;;) {
        const next = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0]
        if (!next) break
        timers.splice(timers.indexOf(next), 1)
        now = next.at
        next.run()
      }
      now = end
    },
  }
}

describe('cursor pacer', () => {
  it('sends at most one position per interval, always the latest', () => {
    const time = clock()
    const sent: unknown[] = []
    const pacer = createCursorPacer({ send: (p) => sent.push(p), backlog: () => 0, interval: () => 50, ...time })
    for (let i = 0; i < 100; i++) {
      pacer.move({ x: i, y: 0 })
      time.advance(5)
    }
    // 500 ms of moves every 5 ms: about 20 per second, never more.
    expect(sent.length).toBeLessThanOrEqual(11)
    expect(sent.length).toBeGreaterThanOrEqual(9)
    time.advance(100)
    expect(sent.at(-1)).toEqual({ x: 99, y: 0 })
  })

  it('holds cursor moves back while the send buffer is backed up, then sends only the latest', () => {
    const time = clock()
    const sent: unknown[] = []
    let backlog = CURSOR_BACKLOG_LIMIT + 1
    const pacer = createCursorPacer({ send: (p) => sent.push(p), backlog: () => backlog, interval: () => 50, ...time })
    pacer.move({ x: 1, y: 1 })
    pacer.move({ x: 2, y: 2 })
    time.advance(1000)
    expect(sent).toEqual([])
    backlog = 0
    time.advance(60)
    expect(sent).toEqual([{ x: 2, y: 2 }])
  })

  it('sends leaving the canvas (null) like a position, and nothing after destroy', () => {
    const time = clock()
    const sent: unknown[] = []
    const pacer = createCursorPacer({ send: (p) => sent.push(p), backlog: () => 0, interval: () => 50, ...time })
    pacer.move(null)
    expect(sent).toEqual([null])
    pacer.move({ x: 1, y: 1 })
    pacer.destroy()
    time.advance(100)
    expect(sent).toEqual([null])
  })
})

/** Tests for reconnecting with exponential backoff and jitter. */
import { ObservableV2 } from 'lib0/observable'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { jitterReconnects, RECONNECT_BASE_MS, RECONNECT_MAX_MS, RECONNECT_MIN_MS, reconnectDelay } from './reconnect'

class FakeProvider extends ObservableV2<{
  'connection-close': (event: { code: number } | null) => void
  sync: (synced: boolean) => void
}> {
  shouldConnect = true
  connect = vi.fn(() => {
    this.shouldConnect = true
  })
}

describe('reconnect delay', () => {
  it('stays within a ceiling that doubles per attempt, up to the maximum', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** attempt)
      expect(reconnectDelay(attempt, () => 0)).toBe(RECONNECT_MIN_MS)
      expect(reconnectDelay(attempt, () => 0.999_999)).toBe(ceiling)
      for (let i = 0; i < 50; i++) {
        const delay = reconnectDelay(attempt)
        expect(delay).toBeGreaterThanOrEqual(RECONNECT_MIN_MS)
        expect(delay).toBeLessThanOrEqual(ceiling)
      }
    }
    expect(reconnectDelay(30, () => 1)).toBe(RECONNECT_MAX_MS)
  })

  it('spreads 300 clients out instead of retrying in lockstep', () => {
    const delays = Array.from({ length: 300 }, () => reconnectDelay(3))
    const seconds = new Set(delays.map((delay) => Math.floor(delay / 100)))
    // The 2 s window has 20 slots of 100 ms; 300 random clients fill nearly all of them.
    expect(seconds.size).toBeGreaterThanOrEqual(15)
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length
    expect(mean).toBeGreaterThan(600)
    expect(mean).toBeLessThan(1500)
  })
})

describe('taking over the provider’s retries', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  function setUp(wanted = () => true) {
    vi.useFakeTimers()
    const provider = new FakeProvider()
    const stop = jitterReconnects(provider as unknown as WebsocketProvider, wanted)
    return { provider, stop }
  }

  it('stops y-websocket’s own retry and reconnects after a jittered delay', () => {
    const { provider } = setUp()
    provider.emit('connection-close', [{ code: 1006 }])
    expect(provider.shouldConnect).toBe(false)
    vi.advanceTimersByTime(RECONNECT_BASE_MS * 2)
    expect(provider.connect).toHaveBeenCalledTimes(1)
  })

  it('waits longer after each failure and starts over once synced', () => {
    const { provider } = setUp()
    for (let i = 0; i < 6; i++) {
      provider.emit('connection-close', [{ code: 1006 }])
      vi.advanceTimersByTime(RECONNECT_MAX_MS)
    }
    expect(provider.connect).toHaveBeenCalledTimes(6)
    provider.emit('sync', [true])
    provider.emit('connection-close', [{ code: 1012 }])
    vi.advanceTimersByTime(RECONNECT_BASE_MS * 2)
    expect(provider.connect).toHaveBeenCalledTimes(7)
  })

  it('leaves deliberate disconnects and final closes alone, and does not reconnect when no longer wanted', () => {
    let wanted = true
    const { provider, stop } = setUp(() => wanted)
    provider.shouldConnect = false
    provider.emit('connection-close', [null])
    provider.shouldConnect = true
    provider.emit('connection-close', [{ code: 4401 }])
    expect(provider.shouldConnect).toBe(true)
    provider.emit('connection-close', [{ code: 1006 }])
    wanted = false
    vi.advanceTimersByTime(RECONNECT_MAX_MS)
    expect(provider.connect).not.toHaveBeenCalled()
    stop()
  })
})

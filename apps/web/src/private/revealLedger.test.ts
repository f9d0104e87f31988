/** Tests for the reveal bookkeeping. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lastPublished, ledgerKey, owesPublication, rememberPublished } from './revealLedger'

function fakeStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('reveal ledger', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('owes a publication only for a reveal above the last one published', () => {
    expect(owesPublication(1, 0)).toBe(true)
    expect(owesPublication(3, 2)).toBe(true)
    expect(owesPublication(2, 2)).toBe(false)
    expect(owesPublication(0, 0)).toBe(false)
  })

  it('remembers the last published reveal per board', () => {
    vi.stubGlobal('localStorage', fakeStorage())
    expect(lastPublished('board-a')).toBe(0)
    rememberPublished('board-a', 2)
    expect(lastPublished('board-a')).toBe(2)
    expect(lastPublished('board-b')).toBe(0)
  })

  it('reads anything but a positive whole number as nothing published', () => {
    vi.stubGlobal('localStorage', fakeStorage())
    for (const junk of ['', 'abc', '-3', '1.5']) {
      localStorage.setItem(ledgerKey('board-a'), junk)
      expect(lastPublished('board-a')).toBe(0)
    }
  })

  it('treats storage that throws as nothing published', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied')
      },
    })
    expect(lastPublished('board-a')).toBe(0)
  })
})

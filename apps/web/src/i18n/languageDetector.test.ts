import { afterEach, describe, expect, it, vi } from 'vitest'
import { LANGUAGE_KEY, languageDetector } from './languageDetector'

function stubBrowser(languages: string[], stored: Record<string, string> = {}) {
  const items = new Map(Object.entries(stored))
  vi.stubGlobal('navigator', { languages })
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
  })
  return items
}

describe('languageDetector', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("offers the browser's languages in order, by their primary subtag", () => {
    stubBrowser(['en-GB', 'sv-FI', 'de'])
    expect(languageDetector.detect()).toEqual(['en', 'sv', 'de'])
  })

  it('puts the language chosen on this device first', () => {
    stubBrowser(['en-GB'], { [LANGUAGE_KEY]: 'sv' })
    expect(languageDetector.detect()).toEqual(['sv', 'en'])
  })

  it('keeps a choice for the next visit', () => {
    const items = stubBrowser(['sv-SE'])
    languageDetector.cacheUserLanguage?.('en')
    expect(items.get(LANGUAGE_KEY)).toBe('en')
    expect(languageDetector.detect()).toEqual(['en', 'sv'])
  })

  it('still detects when storage is blocked', () => {
    vi.stubGlobal('navigator', { languages: ['en-US'] })
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('blocked')
      },
    })
    expect(languageDetector.detect()).toEqual(['en'])
  })
})

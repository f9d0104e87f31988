/** Tests for sizes and percentages in the UI language. */
import { describe, expect, it } from 'vitest'
import { formatBytes, formatPercent } from './format'

describe('formatBytes', () => {
  it('writes kilobytes and megabytes per language', () => {
    expect(formatBytes(12_345, 'en')).toBe('12.3 kB')
    expect(formatBytes(1_250_000, 'sv')).toBe('1,3 MB')
    expect(formatBytes(0, 'en')).toBe('0 kB')
  })
})

describe('formatPercent', () => {
  it('clamps and rounds', () => {
    expect(formatPercent(0.456, 'en')).toBe('46%')
    expect(formatPercent(1.2, 'en')).toBe('100%')
  })
})

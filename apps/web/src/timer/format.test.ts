/** Tests for the countdown's text. */
import { describe, expect, it } from 'vitest'
import { formatRemaining, splitRemaining } from './format'

describe('formatRemaining', () => {
  it('shows minutes and zero-padded seconds', () => {
    expect(formatRemaining(7 * 60_000)).toBe('7:00')
    expect(formatRemaining(65_000)).toBe('1:05')
    expect(formatRemaining(90 * 60_000)).toBe('90:00')
  })

  it('rounds up, so 0:00 means time is up', () => {
    expect(formatRemaining(59_001)).toBe('1:00')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(-500)).toBe('0:00')
  })

  it('splits for a spoken label', () => {
    expect(splitRemaining(125_000)).toEqual({ minutes: 2, seconds: 5 })
  })
})

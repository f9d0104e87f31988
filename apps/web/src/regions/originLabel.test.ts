import { describe, expect, it } from 'vitest'
import { ORIGIN_TITLE_LENGTH, shortTitle } from './originLabel'

describe('shortTitle', () => {
  it('[WQ3] keeps a short title as it is, trimmed and with single spaces', () => {
    expect(shortTitle('  Kiruna   workshop ')).toBe('Kiruna workshop')
  })

  it('[WQ3] cuts a long title at a word boundary with an ellipsis, never longer than the limit', () => {
    const short = shortTitle('Medborgardialog om cykelvägar i Luleå centrum')
    expect(short).toBe('Medborgardialog om…')
    expect(Array.from(short).length).toBeLessThanOrEqual(ORIGIN_TITLE_LENGTH)
  })

  it('[WQ3] cuts one long word mid-word, and counts å, ä, ö and emoji as one character each', () => {
    const short = shortTitle('Översiktsplaneringsarbetsgruppsmöte🙂🙂', 10)
    expect(short).toBe('Översikts…')
    expect(Array.from(shortTitle('🙂'.repeat(30), 10))).toHaveLength(10)
  })
})

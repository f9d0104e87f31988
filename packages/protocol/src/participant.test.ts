/** Tests for the per-board participant id. */
import { describe, expect, it } from 'vitest'
import { isDeviceKey, participantId } from './participant.js'

const KEY = 'AbCdEfGhIjKlMnOpQrStUv'

describe('[PT] participant ids', () => {
  it('[PT1] is the same for one device on one board, and 22 base64url characters', () => {
    expect(participantId('board-one-0000000000000', KEY)).toBe(participantId('board-one-0000000000000', KEY))
    expect(participantId('board-one-0000000000000', KEY)).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('[PT2] differs between boards and between devices, and does not contain the key', () => {
    const ids = new Set([
      participantId('board-one-0000000000000', KEY),
      participantId('board-two-0000000000000', KEY),
      participantId('board-one-0000000000000', `${KEY}x`),
    ])
    expect(ids.size).toBe(3)
    for (const id of ids) expect(id).not.toContain(KEY.slice(0, 8))
  })

  it('[PT3] takes only keys of 16 to 64 base64url characters', () => {
    expect(isDeviceKey(KEY)).toBe(true)
    expect(['short', 'x'.repeat(65), 'with space in it ok?', 42, null].some(isDeviceKey)).toBe(false)
  })
})

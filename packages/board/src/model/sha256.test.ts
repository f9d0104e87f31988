/** Tests for the pure SHA-256 behind deterministic ids (SPEC [BM3]): it must agree with Node's. */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashId, sha256 } from './sha256.js'

describe('[BM3] sha256 and hashId', () => {
  it('agrees with node:crypto on messages around the block boundaries', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'åäö'.repeat(100)]) {
      const ours = Buffer.from(sha256(new TextEncoder().encode(text))).toString('hex')
      expect(ours).toBe(createHash('sha256').update(text).digest('hex'))
    }
  })

  it('hashId is the digest’s first 128 bits in base64url, the parts each ended by a NUL', () => {
    const expected = createHash('sha256').update('note\u0000board\u0000').digest().subarray(0, 16).toString('base64url')
    expect(hashId('note', 'board')).toBe(expected)
    expect(hashId('note', 'board')).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(hashId('no', 'teboard')).not.toBe(hashId('note', 'board'))
  })
})

/** Tests for building board links and reading their token back from the fragment. */
import { describe, expect, it } from 'vitest'
import { boardLink, boardLinkPath, tokenFromHash } from './boardLink'

describe('board links', () => {
  const token = 'v1.AbCd_-.participant.2.Zm9v-YmFy_'

  it('puts the token in the fragment only', () => {
    const link = new URL(boardLink('https://samla.example', 'AbCd_-', token))
    expect(link.pathname).toBe('/b/AbCd_-')
    expect(link.search).toBe('')
    expect(tokenFromHash(link.hash)).toBe(token)
  })

  it('round-trips tokens with characters that need escaping', () => {
    expect(tokenFromHash(new URL(`http://x${boardLinkPath('a', 'a+b/c=d&e')}`).hash)).toBe('a+b/c=d&e')
  })

  it('finds no token in other fragments or in garbage', () => {
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#main')).toBeNull()
    expect(tokenFromHash('#token=')).toBeNull()
    expect(tokenFromHash('#token=a%20b')).toBeNull()
    expect(tokenFromHash(`#token=${'x'.repeat(2000)}`)).toBeNull()
  })
})

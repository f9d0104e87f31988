/** Tests for matching addresses to pages. */
import { describe, expect, it } from 'vitest'
import { boardPath, parseRoute } from './router'

describe('parseRoute', () => {
  it('matches the home page and board pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' })
    expect(parseRoute('/b/AbCdEfGhIjKlMnOpQrSt_-')).toEqual({ page: 'board', boardId: 'AbCdEfGhIjKlMnOpQrSt_-' })
    expect(parseRoute('/b/abc/')).toEqual({ page: 'board', boardId: 'abc' })
  })

  it('sends anything else to the missing page', () => {
    expect(parseRoute('/b/')).toEqual({ page: 'missing' })
    expect(parseRoute('/b/a%20b')).toEqual({ page: 'missing' })
    expect(parseRoute('/elsewhere')).toEqual({ page: 'missing' })
  })

  it('round-trips board paths', () => {
    expect(parseRoute(boardPath('xyz_123'))).toEqual({ page: 'board', boardId: 'xyz_123' })
  })
})

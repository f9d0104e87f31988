/** Tests for what "merge again" sends: one source per region, held links first, pasted links checked. */
import { describe, expect, it } from 'vitest'
import { namesLeftOut, rowSource, sourceRows } from './mergeAgainSources'

const A = 'AAAAAAAAAAAAAAAAAAAAAA'
const B = 'BBBBBBBBBBBBBBBBBBBBBB'
const token = (id: string, role = 'facilitator') => `v1.${id}.${role}.0.bWFjLW9mLXRoZS10b2tlbg`
const link = (id: string, role = 'facilitator') =>
  `https://samla.kommun.se/b/${id}#${new URLSearchParams({ token: token(id, role) })}`

describe('merge again sources', () => {
  const rows = sourceRows(
    [
      { sourceBoardId: A, title: 'Kiruna' },
      { sourceBoardId: B, title: '' },
      { sourceBoardId: A, title: 'Kiruna' },
    ],
    [{ id: A, title: 'Kiruna', token: token(A) }],
  )

  it('[WJ7] (unit) one row per source board in the regions’ order, with the facilitator link this device holds', () => {
    expect(rows).toEqual([
      { boardId: A, title: 'Kiruna', heldToken: token(A) },
      { boardId: B, title: '', heldToken: null },
    ])
    const [kiruna, untitled] = rows as [(typeof rows)[0], (typeof rows)[0]]
    expect(rowSource(kiruna, '', 1)).toEqual({
      ok: true,
      source: { id: A, token: token(A), label: { kind: 'title', title: 'Kiruna' }, pasted: false },
    })
    expect(rowSource(untitled, ` ${link(B)} `, 2)).toEqual({
      ok: true,
      source: { id: B, token: token(B), label: { kind: 'place', place: 2 }, pasted: true },
    })
  })

  it('[WJ8] (unit) a missing, foreign, participant or viewer link is turned away before sending; a refused held link is replaced by a pasted one', () => {
    const [kiruna, untitled] = rows as [(typeof rows)[0], (typeof rows)[0]]
    expect(rowSource(untitled, '  ', 2)).toEqual({ ok: false, problem: 'empty' })
    expect(rowSource(untitled, link(A), 2)).toEqual({ ok: false, problem: 'other-board' })
    expect(rowSource(untitled, link(B, 'participant'), 2)).toEqual({ ok: false, problem: 'participant' })
    expect(rowSource(untitled, link(B, 'viewer'), 2)).toEqual({ ok: false, problem: 'viewer' })
    expect(rowSource(untitled, 'Tavlan från i tisdags', 2)).toEqual({ ok: false, problem: 'not-a-link' })
    expect(rowSource(kiruna, '', 1, true)).toEqual({ ok: false, problem: 'empty' })
    expect(rowSource(kiruna, link(A), 1, true)).toMatchObject({ ok: true, source: { pasted: true } })
  })

  it('[WJ9] (unit) names are left out again when none of the board’s copies carries one', () => {
    const origin = { boardId: A, boardTitle: 'Kiruna', noteId: 'n1', textHash: 'h' }
    expect(namesLeftOut([{ origin, authorName: '' }, { authorName: 'Ann' }])).toBe(true)
    expect(namesLeftOut([{ origin, authorName: 'Ann' }])).toBe(false)
  })
})

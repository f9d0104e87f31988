/** Tests for reading the boards a merge is made from: pasted links, the recent boards, refusals named. */
import { describe, expect, it } from 'vitest'
import type { RecentBoard } from '../lib/recentBoards'
import {
  type MergeableBoard,
  mergeableBoards,
  mergeSources,
  parseBoardLink,
  parsePastedLinks,
  readToken,
  refusedSource,
} from './mergeSources'

const A = 'AAAAAAAAAAAAAAAAAAAAAA'
const B = 'BBBBBBBBBBBBBBBBBBBBBB'
const C = 'CCCCCCCCCCCCCCCCCCCCCC'
const token = (id: string, role = 'facilitator') => `v1.${id}.${role}.0.bWFjLW9mLXRoZS10b2tlbg`
const link = (id: string, role = 'facilitator') =>
  `https://samla.kommun.se/b/${id}#${new URLSearchParams({ token: token(id, role) })}`

describe('merge sources', () => {
  it('[WJ1] (unit) a facilitator link is read whole as the share dialog gives it, without the server, or as the token alone', () => {
    expect(parseBoardLink(link(A))).toEqual({ ok: true, id: A, token: token(A) })
    expect(parseBoardLink(`  /b/${A}#token=${token(A)}  `)).toEqual({ ok: true, id: A, token: token(A) })
    expect(parseBoardLink(token(B))).toEqual({ ok: true, id: B, token: token(B) })
    expect(readToken(token(C, 'viewer'))).toEqual({ boardId: C, role: 'viewer' })
    expect(readToken('v1.kort.facilitator.0.mac')).toBeNull()
  })

  it("[WJ2] (unit) a participant's, a viewer's or a join code's link is turned away by its role; anything else is not a link", () => {
    expect(parseBoardLink(link(A, 'participant'))).toEqual({ ok: false, problem: 'participant' })
    expect(parseBoardLink(link(A, 'viewer'))).toEqual({ ok: false, problem: 'viewer' })
    expect(parseBoardLink('https://samla.kommun.se/j/4KX9PQ')).toEqual({ ok: false, problem: 'participant' })
    expect(parseBoardLink(`https://samla.kommun.se/b/${A}`)).toEqual({ ok: false, problem: 'no-token' })
    // A token of another board than the link's is not a link to trust.
    expect(parseBoardLink(`https://samla.kommun.se/b/${A}#token=${token(B)}`)).toEqual({
      ok: false,
      problem: 'not-a-link',
    })
    expect(parseBoardLink('Tavlan från i tisdags')).toEqual({ ok: false, problem: 'not-a-link' })
    expect(parsePastedLinks(`${link(A)}\n\n  \r\n${link(B, 'participant')}\n`)).toEqual([
      { ok: true, id: A, token: token(A), line: 1 },
      { ok: false, problem: 'participant', line: 4 },
    ])
  })

  it('[WJ3] (unit) the recent boards offered are those whose facilitator link this device or tab holds', () => {
    const recent: RecentBoard[] = [
      { id: A, title: 'Kept', visitedAt: 3, token: token(A), role: 'facilitator', kept: true },
      { id: B, title: 'In this tab', visitedAt: 2 },
      { id: C, title: 'Participant', visitedAt: 1, token: token(C, 'participant'), role: 'participant' },
    ]
    const tab: Record<string, string> = { [B]: token(B), [C]: token(C, 'participant') }
    expect(mergeableBoards(recent, (id) => tab[id] ?? null)).toEqual([
      { id: A, title: 'Kept', token: token(A) },
      { id: B, title: 'In this tab', token: token(B) },
    ])
  })

  it('[WJ4] (unit) sources are sent once each, chosen boards first, and a refusal is traced to its title, line or place', () => {
    const chosen: MergeableBoard[] = [
      { id: A, title: 'Trafik', token: token(A) },
      { id: B, title: '', token: token(B) },
    ]
    const pasted = parsePastedLinks(`${link(A)}\n${link(C)}`)
    const sources = mergeSources(chosen, pasted, [{ id: A, title: 'Trafik' }])
    expect(sources.map((source) => [source.id, source.label, source.pasted])).toEqual([
      [A, { kind: 'title', title: 'Trafik' }, false],
      [B, { kind: 'place', place: 2 }, false],
      [C, { kind: 'line', line: 2 }, true],
    ])
    expect(refusedSource(`Source 3 (${C}): that link has been replaced`, sources)?.id).toBe(C)
    expect(refusedSource('Source 2: that is not a valid board id', sources)?.id).toBe(B)
    expect(refusedSource('At most 20 boards can be merged into one', sources)).toBeNull()
  })
})

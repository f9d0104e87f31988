/** Tests for reading the relay's board answers defensively. */

import { parseBoardLinks } from '@samla/protocol'
import { describe, expect, it } from 'vitest'
import { parseBoardInfo, parseCreatedBoard, parseMergeAgainReport } from './boards'
import { accessProblem } from './http'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('parseBoardInfo', () => {
  it('accepts the relay shape', () => {
    expect(parseBoardInfo({ id: 'abc', title: 'Retro', createdAt: 5 })).toEqual({
      id: 'abc',
      title: 'Retro',
      createdAt: 5,
    })
  })

  it('accepts an ISO timestamp', () => {
    expect(parseBoardInfo({ id: 'abc', title: '', createdAt: '1970-01-01T00:00:01Z' })?.createdAt).toBe(1000)
  })

  it('rejects anything without an id and a title', () => {
    expect(parseBoardInfo(null)).toBeNull()
    expect(parseBoardInfo({ title: 'x' })).toBeNull()
    expect(parseBoardInfo({ id: 'abc', title: 3 })).toBeNull()
  })
})

describe('board links', () => {
  const links = { facilitator: 'f', participant: 'p', viewer: 'v' }

  it('reads a created board with its three links', () => {
    expect(parseCreatedBoard({ id: 'abc', title: 'Retro', createdAt: 5, links })).toEqual({
      board: { id: 'abc', title: 'Retro', createdAt: 5 },
      links,
    })
  })

  it('rejects a created board without all three links', () => {
    expect(parseCreatedBoard({ id: 'abc', title: 'Retro', createdAt: 5 })).toBeNull()
    expect(parseBoardLinks({ ...links, viewer: '' })).toBeNull()
    expect(parseBoardLinks({ facilitator: 'f', participant: 'p' })).toBeNull()
  })
})

describe('accessProblem', () => {
  it('names each refusal of the relay', async () => {
    expect(await accessProblem(json(401, { error: 'missing-token' }))).toBe('missing-token')
    expect(await accessProblem(json(401, { error: 'link-rotated' }))).toBe('link-rotated')
    expect(await accessProblem(json(401, { error: 'invalid-token' }))).toBe('invalid-token')
    expect(await accessProblem(json(403, { error: 'other-board' }))).toBe('other-board')
    expect(await accessProblem(json(404, { error: 'board-not-found' }))).toBe('board-not-found')
  })

  it('treats an unknown 401 as an invalid link and other statuses as no refusal', async () => {
    expect(await accessProblem(new Response('nope', { status: 401 }))).toBe('invalid-token')
    expect(await accessProblem(json(200, {}))).toBeNull()
    expect(await accessProblem(json(503, { error: 'draining' }))).toBeNull()
  })
})

describe('parseMergeAgainReport', () => {
  it('reads the counts the relay answers a merge again with, and nothing malformed', () => {
    const answer = {
      added: 12,
      updated: 3,
      unchanged: 5,
      skippedEdited: 0,
      skippedDeleted: 2,
      groupsAdded: 1,
      regionsAdded: 0,
    }
    expect(parseMergeAgainReport(answer)).toEqual({ added: 12, updated: 3, skippedEdited: 0, skippedDeleted: 2 })
    expect(parseMergeAgainReport({ added: -1, updated: 0, skippedEdited: 0, skippedDeleted: 0 })).toBeNull()
    expect(parseMergeAgainReport({ added: 1, updated: 0, skippedEdited: 0 })).toBeNull()
    expect(parseMergeAgainReport(null)).toBeNull()
  })
})

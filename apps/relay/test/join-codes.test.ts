/** Short join links: a facilitator's code for the participant link, `/j/<code>` and its limits ([RJ1]–[RJ5]). */
import { addNote, listNotes } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { Relay, RelayOptions } from '../src/index.js'
import { authorOn, connectClient, createBoard, linksOf, startRelay, synced, waitFor } from './helpers.js'

describe('[RJ] short join links', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })
  async function relay(options: RelayOptions = {}): Promise<Relay> {
    const r = await startRelay(options)
    cleanup.push(() => r.close())
    return r
  }
  const getCode = (r: Relay, boardId: string, token: string) =>
    fetch(`${r.url}/api/boards/${boardId}/join-code`, { headers: { authorization: `Bearer ${token}` } })
  async function codeOf(r: Relay, boardId: string): Promise<string> {
    const res = await getCode(r, boardId, linksOf(boardId).facilitator)
    expect(res.status).toBe(200)
    return ((await res.json()) as { code: string }).code
  }
  const follow = (r: Relay, typed: string) => fetch(`${r.url}/j/${typed}`, { redirect: 'manual' })
  /** The token a redirect hands on, from the fragment of its board link. */
  function tokenIn(location: string | null, boardId: string): string {
    const [path, fragment] = (location ?? '').split('#')
    expect(path).toBe(`/b/${boardId}`)
    return new URLSearchParams(fragment).get('token') ?? ''
  }

  it('[RJ1] a facilitator gets one code per board; /j/<code>, in any case, with or without its dash, leads to the board as a participant', async () => {
    const r = await relay()
    const boardId = await createBoard(r, 'Kort länk')
    const other = await createBoard(r, 'En annan')
    const code = await codeOf(r, boardId)
    expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/)
    expect(await codeOf(r, boardId)).toBe(code)
    expect(await codeOf(r, other)).not.toBe(code)

    for (const typed of [code, `${code.slice(0, 4)}-${code.slice(4)}`, code.toLowerCase()]) {
      const res = await follow(r, typed)
      expect(res.status).toBe(302)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(tokenIn(res.headers.get('location'), boardId)).toBe(linksOf(boardId).participant)
    }
    // The token handed on opens the board as a participant: the lookup names the role, and it writes.
    const token = tokenIn((await follow(r, code)).headers.get('location'), boardId)
    const lookup = await fetch(`${r.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } })
    expect(((await lookup.json()) as { role: string }).role).toBe('participant')
    const client = connectClient(r, boardId, undefined, { token })
    cleanup.push(() => client.destroy())
    await synced(client)
    addNote(client.doc, { x: 0, y: 0, text: 'via koden', ...authorOn(boardId) })
    const reader = connectClient(r, boardId, undefined, { token: linksOf(boardId).facilitator })
    cleanup.push(() => reader.destroy())
    await waitFor(() => listNotes(reader.doc).some((note) => note.text === 'via koden'))
  })

  it('[RJ2] only a facilitator may get the code: a participant or viewer is refused with 403, no token with 401', async () => {
    const r = await relay()
    const boardId = await createBoard(r)
    for (const role of ['participant', 'viewer'] as const) {
      const res = await getCode(r, boardId, linksOf(boardId)[role])
      expect(res.status).toBe(403)
      expect(JSON.stringify(await res.json())).not.toMatch(/"code"/)
    }
    expect((await fetch(`${r.url}/api/boards/${boardId}/join-code`)).status).toBe(401)
  })

  it('[RJ3] rotating the participant link replaces the code: the old one answers 404 in Swedish and English, the new one leads to the new link', async () => {
    const r = await relay()
    const boardId = await createBoard(r)
    const old = await codeOf(r, boardId)
    const rotated = await fetch(`${r.url}/api/boards/${boardId}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
    const { token } = (await rotated.json()) as { token: string }
    const gone = await follow(r, old)
    expect(gone.status).toBe(404)
    expect(gone.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await gone.text()
    expect(page).toContain('Ingen tavla har den här koden')
    expect(page).toContain('No board has this code')
    const fresh = await codeOf(r, boardId)
    expect(fresh).not.toBe(old)
    expect(tokenIn((await follow(r, fresh)).headers.get('location'), boardId)).toBe(token)
    // Rotating another link leaves the code as it is.
    await fetch(`${r.url}/api/boards/${boardId}/links/viewer/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
    expect(await codeOf(r, boardId)).toBe(fresh)
  })

  it('[RJ4] deleting a board, or retention erasing it, removes its code', async () => {
    const r = await relay({ retention: { afterMs: 2500, checkEveryMs: 100 } })
    const deleted = await createBoard(r)
    const code = await codeOf(r, deleted)
    const res = await fetch(`${r.url}/api/boards/${deleted}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${linksOf(deleted).facilitator}` },
    })
    expect(res.status).toBe(204)
    expect((await follow(r, code)).status).toBe(404)

    const forgotten = await createBoard(r)
    const forgottenCode = await codeOf(r, forgotten)
    expect((await follow(r, forgottenCode)).status).toBe(302)
    await waitFor(async () => (await follow(r, forgottenCode)).status === 404, 10_000)
  }, 15_000)

  it('[RJ5] codes that lead nowhere are limited per address (429), malformed ones included; right ones never count', async () => {
    const r = await relay({ limits: { joinCodeMissesPerAddressPerMinute: 5 } })
    const boardId = await createBoard(r)
    const code = await codeOf(r, boardId)
    // A room typing the right code from one address is never held up.
    for (let i = 0; i < 20; i++) expect((await follow(r, code)).status).toBe(302)
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`
    const answers: number[] = []
    for (const typed of [wrong, 'O0I1', '%E2%82%AC', wrong, wrong, wrong, wrong, wrong])
      answers.push((await follow(r, typed)).status)
    expect(answers).toEqual([404, 404, 404, 404, 404, 429, 429, 429])
    const refused = await follow(r, code)
    expect(refused.status).toBe(429)
    const page = await refused.text()
    expect(page).toContain('För många försök')
    expect(page).toContain('Too many tries')
  })
})

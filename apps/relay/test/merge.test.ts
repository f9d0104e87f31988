/**
 * Merging boards over the API (issue #21): `POST /api/boards` with `merge`, the facilitator links of
 * two or more boards. Relay ids: [RG*].
 */
import {
  addNote,
  assignToCluster,
  createCluster,
  listNotes,
  listRegions,
  setAnonymous,
  setNoteText,
} from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Relay } from '../src/index.js'
import { authorOn, connectClient, createBoard, linksOf, startRelay, synced, waitFor } from './helpers.js'

async function post(relay: Relay, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${relay.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

async function storedState(relay: Relay, boardId: string): Promise<string> {
  const res = await fetch(`${relay.url}/api/boards/${boardId}/snapshot`, {
    headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
  })
  return Buffer.from(await res.arrayBuffer()).toString('base64')
}

describe('merging boards', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })
  async function relayWith(limits = {}): Promise<Relay> {
    const relay = await startRelay({ limits })
    cleanup.push(() => relay.close())
    return relay
  }
  /** A board with notes written by a participant (one in a group), optionally anonymous. */
  async function source(relay: Relay, title: string, texts: string[], anonymous = false): Promise<string> {
    const boardId = await createBoard(relay, title)
    const { facilitator } = linksOf(boardId)
    const writer = connectClient(relay, boardId)
    const control = connectClient(relay, boardId, new Y.Doc(), { token: facilitator, room: `${boardId}/control` })
    const board = connectClient(relay, boardId, new Y.Doc(), { token: facilitator })
    cleanup.push(
      () => writer.destroy(),
      () => control.destroy(),
      () => board.destroy(),
    )
    await Promise.all([synced(writer), synced(control), synced(board)])
    if (anonymous) setAnonymous(control.doc, true)
    // On an anonymous board notes carry no author at all.
    const author = anonymous ? {} : authorOn(boardId, 'Åsa')
    const noteIds = texts.map((text, i) => addNote(writer.doc, { x: i * 200, y: 0, text, ...author }))
    await waitFor(() => listNotes(board.doc).length === texts.length, 5000, 'the notes stored')
    // The facilitator groups the first note.
    const clusterId = createCluster(board.doc, { x: 0, y: 400, name: 'Trafik' })
    assignToCluster(board.doc, noteIds.slice(0, 1), clusterId)
    await waitFor(() => listNotes(writer.doc)[0]?.clusterId === clusterId, 5000, 'the group stored')
    return boardId
  }

  it('[RG1] a facilitator of two boards makes a third from them: notes with their origin, a region each, names only where the source was not anonymous, sources unchanged but for a history snapshot', async () => {
    const relay = await relayWith()
    const kiruna = await source(relay, 'Kiruna', ['Fler busshållplatser', 'Bredare cykelbanor'])
    const lulea = await source(relay, 'Luleå', ['More bike lanes'], true)
    const before = await Promise.all([storedState(relay, kiruna), storedState(relay, lulea)])

    const made = await post(relay, {
      title: 'Norrbotten tillsammans',
      merge: [
        { id: kiruna, token: linksOf(kiruna).facilitator },
        { id: lulea, token: linksOf(lulea).facilitator },
      ],
    })
    expect(made.status).toBe(201)
    const merged = made.json as { id: string; title: string; links: { facilitator: string } }
    expect(merged.title).toBe('Norrbotten tillsammans')
    const reader = connectClient(relay, merged.id, new Y.Doc(), { token: merged.links.facilitator })
    cleanup.push(() => reader.destroy())
    await synced(reader)
    const notes = listNotes(reader.doc)
    expect(notes.map((note) => note.text).sort()).toEqual([
      'Bredare cykelbanor',
      'Fler busshållplatser',
      'More bike lanes',
    ])
    for (const note of notes) {
      // Readers give a note without an author empty strings.
      expect(note.authorId ?? '').toBe('')
      const from = note.text === 'More bike lanes' ? { id: lulea, title: 'Luleå' } : { id: kiruna, title: 'Kiruna' }
      expect(note.origin).toMatchObject({ boardId: from.id, boardTitle: from.title })
      expect(note.authorName ?? '').toBe(from.id === lulea ? '' : 'Åsa')
    }
    expect(
      listRegions(reader.doc)
        .map((region) => region.title)
        .sort(),
    ).toEqual(['Kiruna', 'Luleå'])

    expect(await Promise.all([storedState(relay, kiruna), storedState(relay, lulea)])).toEqual(before)
    for (const boardId of [kiruna, lulea]) {
      const history = await fetch(`${relay.url}/api/boards/${boardId}/history`, {
        headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
      })
      const { snapshots } = (await history.json()) as { snapshots: Array<{ reason: string }> }
      expect(snapshots.map((snapshot) => snapshot.reason)).toContain('before-merge')
    }
    const exported = await fetch(`${relay.url}/api/boards/${merged.id}/export?format=json`, {
      headers: { authorization: `Bearer ${merged.links.facilitator}` },
    })
    const json = (await exported.json()) as { notes: Array<{ text: string; origin?: Record<string, string> }> }
    expect(json.notes.find((note) => note.text === 'More bike lanes')?.origin).toEqual({
      boardId: lulea,
      boardTitle: 'Luleå',
      noteId: expect.any(String),
    })
  })

  it('[RG2] every refused source is named: not a facilitator link, unknown, rotated, deleted; too few, too many, twice', async () => {
    const relay = await relayWith()
    const a = await createBoard(relay, 'A')
    const b = await createBoard(relay, 'B')
    const ok = (id: string) => ({ id, token: linksOf(id).facilitator })
    const refusal = async (merge: unknown) => {
      const { status, json } = await post(relay, { title: 'M', merge })
      return { status, error: json.error, message: String(json.message) }
    }

    expect(await refusal([ok(a), { id: b, token: linksOf(b).participant }])).toMatchObject({
      status: 403,
      error: 'merge-source-refused',
      message: expect.stringMatching(new RegExp(`^Source 2 \\(${b}\\)`)),
    })
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA'
    expect(await refusal([ok(a), { id: unknown, token: 'x' }])).toMatchObject({
      status: 404,
      error: 'merge-source-not-found',
      message: expect.stringContaining(`Source 2 (${unknown})`),
    })
    const oldLink = linksOf(a).facilitator
    const rotated = await fetch(`${relay.url}/api/boards/${a}/links/facilitator/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${oldLink}` },
    })
    expect(rotated.status).toBe(200)
    const newLink = ((await rotated.json()) as { token: string }).token
    expect(await refusal([{ id: a, token: oldLink }, ok(b)])).toMatchObject({
      status: 401,
      error: 'merge-source-refused',
      message: expect.stringContaining(`Source 1 (${a})`),
    })
    const deleted = await fetch(`${relay.url}/api/boards/${b}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${linksOf(b).facilitator}` },
    })
    expect(deleted.status).toBe(204)
    expect(await refusal([{ id: a, token: newLink }, ok(b)])).toMatchObject({
      status: 404,
      error: 'merge-source-not-found',
      message: expect.stringContaining(`Source 2 (${b})`),
    })
    expect((await refusal([{ id: a, token: newLink }])).error).toBe('invalid-merge')
    expect(
      (
        await refusal([
          { id: a, token: newLink },
          { id: a, token: newLink },
        ])
      ).message,
    ).toContain('listed twice')
    const many = Array.from({ length: 21 }, () => ({ id: a, token: newLink }))
    expect(await refusal(many)).toMatchObject({ status: 400, error: 'invalid-merge' })
  })

  it('[RG3] a merge past the board limits is refused and makes no board', async () => {
    const relay = await relayWith({ maxNotesPerBoard: 3 })
    const a = await source(relay, 'A', ['ett', 'två'])
    const b = await source(relay, 'B', ['tre', 'fyra'])
    const { status, json } = await post(relay, {
      title: 'För stor',
      merge: [
        { id: a, token: linksOf(a).facilitator },
        { id: b, token: linksOf(b).facilitator },
      ],
    })
    expect(status).toBe(413)
    expect(json.error).toBe('import-too-large')
  })

  it('[RG4] merging again into the merged board adds what is new, updates copies nobody edited, keeps edited ones, duplicates nothing, live', async () => {
    const relay = await relayWith()
    const a = await source(relay, 'Gällivare', ['Gemensam skolskjuts', 'Fler laddstolpar'])
    const b = await source(relay, 'Pajala', ['Bättre bredband'])
    const links = [a, b].map((id) => ({ id, token: linksOf(id).facilitator }))
    const made = await post(relay, { title: 'Malmfälten', merge: links })
    const merged = made.json as { id: string; links: { facilitator: string; participant: string } }
    const facilitator = connectClient(relay, merged.id, new Y.Doc(), { token: merged.links.facilitator })
    cleanup.push(() => facilitator.destroy())
    await synced(facilitator)
    const copyOf = (text: string) => listNotes(facilitator.doc).find((note) => note.text === text)
    // Someone edits one copy in the merged board; the sources change meanwhile.
    setNoteText(facilitator.doc, copyOf('Bättre bredband')?.id ?? '', 'Bättre bredband i byarna')
    const sourceWriter = connectClient(relay, a, new Y.Doc(), { token: linksOf(a).facilitator })
    cleanup.push(() => sourceWriter.destroy())
    await synced(sourceWriter)
    const laddstolpar = listNotes(sourceWriter.doc).find((note) => note.text === 'Fler laddstolpar')
    setNoteText(sourceWriter.doc, laddstolpar?.id ?? '', 'Fler laddstolpar vid skolorna')
    addNote(sourceWriter.doc, { x: 0, y: 600, text: 'Samåkning till jobbet' })
    const pajala = connectClient(relay, b, new Y.Doc(), { token: linksOf(b).facilitator })
    cleanup.push(() => pajala.destroy())
    await synced(pajala)
    setNoteText(pajala.doc, listNotes(pajala.doc)[0]?.id ?? '', 'Bredband överallt')
    await waitFor(() => listNotes(pajala.doc)[0]?.text === 'Bredband överallt', 5000, 'source edit')
    await new Promise((resolve) => setTimeout(resolve, 200))

    const again = async (token: string, merge = links) =>
      fetch(`${relay.url}/api/boards/${merged.id}/merge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ merge }),
      })
    const refreshed = await again(merged.links.facilitator)
    expect(refreshed.status).toBe(200)
    expect(await refreshed.json()).toMatchObject({ added: 1, updated: 1, skippedEdited: 1 })
    // Everyone on the merged board sees it at once.
    await waitFor(() => copyOf('Samåkning till jobbet') !== undefined, 5000, 'the new note, live')
    expect(
      listNotes(facilitator.doc)
        .map((note) => note.text)
        .sort(),
    ).toEqual([
      'Bättre bredband i byarna',
      'Fler laddstolpar vid skolorna',
      'Gemensam skolskjuts',
      'Samåkning till jobbet',
    ])
    // Once more: nothing new, nothing duplicated.
    const third = await again(merged.links.facilitator)
    expect(await third.json()).toMatchObject({ added: 0, updated: 0 })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(listNotes(facilitator.doc)).toHaveLength(4)

    expect((await again(merged.links.participant)).status).toBe(403)
    const intoItself = await again(merged.links.facilitator, [{ id: merged.id, token: merged.links.facilitator }])
    expect(intoItself.status).toBe(400)
  })
})

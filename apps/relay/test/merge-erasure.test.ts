/**
 * Deleting a board that merged boards were made from (issue #21's erasure point): its copies may be
 * removed from them, and their facilitators are told either way. Relay ids: [RG5]–[RG9].
 */
import {
  addNote,
  assignToCluster,
  createCluster,
  listClusters,
  listNotes,
  listRegions,
  readSourceErasures,
} from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Relay } from '../src/index.js'
import {
  authorOn,
  type Client,
  connectClient,
  createBoard,
  holdsFor,
  linksOf,
  startRelay,
  synced,
  waitFor,
} from './helpers.js'

interface Made {
  id: string
  links: { facilitator: string; participant: string }
}

describe('deleting a source of merged boards', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })
  async function relayWith(): Promise<Relay> {
    const relay = await startRelay()
    cleanup.push(() => relay.close())
    return relay
  }
  function client(relay: Relay, boardId: string, token: string): Client {
    const made = connectClient(relay, boardId, new Y.Doc(), { token })
    cleanup.push(() => made.destroy())
    return made
  }
  /** A board with these notes, the first in a group. */
  async function source(relay: Relay, title: string, texts: string[]): Promise<string> {
    const boardId = await createBoard(relay, title)
    const board = client(relay, boardId, linksOf(boardId).facilitator)
    await synced(board)
    const noteIds = texts.map((text, i) => addNote(board.doc, { x: i * 200, y: 0, text, ...authorOn(boardId) }))
    assignToCluster(board.doc, noteIds.slice(0, 1), createCluster(board.doc, { x: 0, y: 400, name: 'Trafik' }))
    // A read through a second client proves the notes stored.
    const check = client(relay, boardId, linksOf(boardId).facilitator)
    await synced(check)
    await waitFor(() => listClusters(check.doc).length === 1, 5000, 'the source stored')
    return boardId
  }
  async function merge(relay: Relay, title: string, sources: string[]): Promise<Made> {
    const res = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title, merge: sources.map((id) => ({ id, token: linksOf(id).facilitator })) }),
    })
    expect(res.status).toBe(201)
    return (await res.json()) as Made
  }
  const remove = (relay: Relay, boardId: string, token: string, query = '') =>
    fetch(`${relay.url}/api/boards/${boardId}${query}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
  const lookup = async (relay: Relay, boardId: string, token: string) =>
    (await (
      await fetch(`${relay.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { mergedInto?: number }
  const originsOf = (doc: Y.Doc) => listNotes(doc).map((note) => note.origin?.boardTitle)
  async function history(relay: Relay, made: Made): Promise<string[]> {
    const res = await fetch(`${relay.url}/api/boards/${made.id}/history`, {
      headers: { authorization: `Bearer ${made.links.facilitator}` },
    })
    return ((await res.json()) as { snapshots: Array<{ reason: string }> }).snapshots.map((s) => s.reason)
  }

  it('[RG5] a source deleted with copies=remove loses exactly its copies, groups and region from two merged boards, live, and their facilitators are told', async () => {
    const relay = await relayWith()
    const kiruna = await source(relay, 'Kiruna', ['Fler busshållplatser', 'Bredare cykelbanor'])
    const lulea = await source(relay, 'Luleå', ['More bike lanes'])
    const pitea = await source(relay, 'Piteå', ['Nattbussar'])
    const first = await merge(relay, 'Norrbotten', [kiruna, lulea])
    const second = await merge(relay, 'Kustlandet', [lulea, pitea])
    // Merging again records a source added later too.
    const again = await fetch(`${relay.url}/api/boards/${second.id}/merge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.links.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ merge: [kiruna].map((id) => ({ id, token: linksOf(id).facilitator })) }),
    })
    expect(again.status).toBe(200)
    expect(await lookup(relay, kiruna, linksOf(kiruna).facilitator)).toMatchObject({ mergedInto: 2 })
    expect(await lookup(relay, pitea, linksOf(pitea).facilitator)).toMatchObject({ mergedInto: 1 })
    expect(await lookup(relay, kiruna, linksOf(kiruna).participant)).not.toHaveProperty('mergedInto')

    const watcher = client(relay, first.id, first.links.participant)
    await synced(watcher)
    expect(originsOf(watcher.doc).sort()).toEqual(['Kiruna', 'Kiruna', 'Luleå'])
    expect(listClusters(watcher.doc)).toHaveLength(2)

    expect((await remove(relay, kiruna, linksOf(kiruna).facilitator, '?copies=remove')).status).toBe(204)
    // The connected client sees the removal live.
    await waitFor(() => listNotes(watcher.doc).length === 1, 5000, 'the copies removed live')
    for (const made of [first, second]) {
      const reader = client(relay, made.id, made.links.facilitator)
      await synced(reader)
      expect(originsOf(reader.doc)).not.toContain('Kiruna')
      expect(listRegions(reader.doc).map((region) => region.title)).not.toContain('Kiruna')
      expect(listClusters(reader.doc)).toHaveLength(made === first ? 1 : 2)
      expect(readSourceErasures(reader.doc)).toEqual([
        { boardTitle: 'Kiruna', at: expect.any(Number), copies: 2, removed: true },
      ])
      expect(await history(relay, made)).toContain('before-erasure')
    }
    expect(originsOf(watcher.doc)).toEqual(['Luleå'])
    expect(listRegions(watcher.doc).map((region) => region.title)).toEqual(['Luleå'])
  })

  it('[RG6] a source deleted without copies=remove leaves its copies, and the facilitator is still told', async () => {
    const relay = await relayWith()
    const kiruna = await source(relay, 'Kiruna', ['Fler busshållplatser', 'Bredare cykelbanor'])
    const lulea = await source(relay, 'Luleå', ['More bike lanes'])
    const made = await merge(relay, 'Norrbotten', [kiruna, lulea])
    expect((await remove(relay, kiruna, linksOf(kiruna).facilitator)).status).toBe(204)
    const reader = client(relay, made.id, made.links.facilitator)
    await synced(reader)
    expect(originsOf(reader.doc).sort()).toEqual(['Kiruna', 'Kiruna', 'Luleå'])
    expect(listRegions(reader.doc)).toHaveLength(2)
    expect(readSourceErasures(reader.doc)).toEqual([
      { boardTitle: 'Kiruna', at: expect.any(Number), copies: 2, removed: false },
    ])
    expect(await history(relay, made)).not.toContain('before-erasure')
    // The index went with the source: Luleå's count no longer reaches it, and the merged board's stays.
    expect(await lookup(relay, lulea, linksOf(lulea).facilitator)).toMatchObject({ mergedInto: 1 })
  })

  it('[RG7] a participant link cannot delete the source (403), nor forge or clear the notice with a raw Yjs client', async () => {
    const relay = await relayWith()
    const kiruna = await source(relay, 'Kiruna', ['Fler busshållplatser'])
    const lulea = await source(relay, 'Luleå', ['More bike lanes'])
    const made = await merge(relay, 'Norrbotten', [kiruna, lulea])
    expect((await remove(relay, kiruna, linksOf(kiruna).participant, '?copies=remove')).status).toBe(403)
    expect((await remove(relay, kiruna, linksOf(kiruna).facilitator)).status).toBe(204)

    const forger = client(relay, made.id, made.links.participant)
    await synced(forger)
    const meta = forger.doc.getMap('meta')
    meta.set('sourceErasures', [{ boardTitle: 'Forged', at: 1, copies: 99, removed: true }])
    const clearer = client(relay, made.id, made.links.participant)
    await synced(clearer)
    clearer.doc.getMap('meta').delete('sourceErasures')

    const reader = client(relay, made.id, made.links.facilitator)
    await synced(reader)
    await holdsFor(() => readSourceErasures(reader.doc)[0]?.boardTitle === 'Kiruna', 1000, 'the notice kept')
    expect(readSourceErasures(reader.doc)).toHaveLength(1)
    // Read afresh from the relay: nothing of either attempt was stored.
    const fresh = client(relay, made.id, made.links.facilitator)
    await synced(fresh)
    expect(readSourceErasures(fresh.doc).map((erasure) => erasure.boardTitle)).toEqual(['Kiruna'])
  })

  it('[RG8] a merged board deleted before its source is skipped; the others are still reached', async () => {
    const relay = await relayWith()
    const kiruna = await source(relay, 'Kiruna', ['Fler busshållplatser'])
    const lulea = await source(relay, 'Luleå', ['More bike lanes'])
    const gone = await merge(relay, 'Borta', [kiruna, lulea])
    const kept = await merge(relay, 'Norrbotten', [kiruna, lulea])
    expect((await remove(relay, gone.id, gone.links.facilitator)).status).toBe(204)
    expect(await lookup(relay, kiruna, linksOf(kiruna).facilitator)).toMatchObject({ mergedInto: 1 })
    expect((await remove(relay, kiruna, linksOf(kiruna).facilitator, '?copies=remove')).status).toBe(204)
    expect(
      (
        await fetch(`${relay.url}/api/boards/${gone.id}`, {
          headers: { authorization: `Bearer ${gone.links.facilitator}` },
        })
      ).status,
    ).toBe(404)
    const reader = client(relay, kept.id, kept.links.facilitator)
    await synced(reader)
    expect(originsOf(reader.doc)).toEqual(['Luleå'])
    expect(readSourceErasures(reader.doc)).toHaveLength(1)
  })
})

/**
 * Boards holding what is no note or cluster at all — written live by a stock Yjs client, or stored
 * before the relay checked what participants send: exports still answer and say what they left out,
 * and the relay repairs such a board as it loads, after a snapshot.
 */
import { addNote, createCluster, invalidEntries, listClusters, listNotes, readNote } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteStorage, type Relay } from '../src/index.js'
import { authorOn, connectClient, createBoard, linksOf, startRelay, synced, tempDataDir, waitFor } from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Åsa')

/** What a hostile stock Yjs client can write: a note that is 42, a note whose text is a number, a group that is a list. */
function sabotage(doc: Y.Doc, numbered: string): void {
  doc.transact(() => {
    doc.getMap<unknown>('notes').set('note-forty-two', 42)
    ;(doc.getMap<unknown>('notes').get(numbered) as Y.Map<unknown>).set('text', 7)
    doc.getMap<unknown>('clusters').set('cluster-as-list', new Y.Array())
  })
}

describe('malformed entries', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  function client(relay: Relay, boardId: string, token?: string) {
    const c = connectClient(relay, boardId, undefined, token ? { token } : {})
    cleanup.push(() => c.destroy())
    return c
  }
  const download = (relay: Relay, boardId: string, format: string) =>
    fetch(`${relay.url}/api/boards/${boardId}/export?format=${format}&lang=sv`, {
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
  const history = async (relay: Relay, boardId: string) => {
    const res = await fetch(`${relay.url}/api/boards/${boardId}/history`, {
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
    return ((await res.json()) as { snapshots: { id: number; reason: string }[] }).snapshots
  }

  it('[RB4] a stock client storing 42 as a note breaks no export: each answers 200 and counts what it skipped', async () => {
    const relay = await startRelay()
    cleanup.push(() => relay.close())
    const boardId = await createBoard(relay, 'Sabotage')
    const honest = client(relay, boardId)
    // A facilitator's link: the relay takes a facilitator's changes as they come (a participant's
    // such change is refused by its check, where there is one).
    const attacker = client(relay, boardId, linksOf(boardId).facilitator)
    await Promise.all([synced(honest), synced(attacker)])
    const good = addNote(honest.doc, { x: 0, y: 0, text: 'Fika', ...author(boardId) })
    const numbered = addNote(honest.doc, { x: 200, y: 0, text: 'snart en siffra', ...author(boardId) })
    createCluster(honest.doc, { name: 'Grupp', noteIds: [good] })
    await waitFor(() => listNotes(attacker.doc).length === 2)
    sabotage(attacker.doc, numbered)
    await waitFor(() => honest.doc.getMap('notes').has('note-forty-two'), 5000, 'the malformed note to arrive')

    // The honest client reads on, and keeps syncing.
    expect(listNotes(honest.doc).map((note) => note.text)).toEqual(['Fika', ''])
    expect(listClusters(honest.doc)).toHaveLength(1)
    addNote(honest.doc, { x: 400, y: 0, text: 'efteråt', ...author(boardId) })
    await waitFor(() => listNotes(attacker.doc).length === 3)

    for (const format of ['csv', 'md', 'json']) {
      const res = await download(relay, boardId, format)
      expect(res.status, format).toBe(200)
      expect(res.headers.get('samla-skipped-entries'), format).toBe('2')
      const body = await res.text()
      expect(body, format).toContain('Fika')
      if (format === 'json') {
        const exported = JSON.parse(body) as { skippedEntries: number; notes: { text: string }[] }
        expect(exported.skippedEntries).toBe(2)
        expect(exported.notes.map((note) => note.text)).toEqual(['Fika', '', 'efteråt'])
      }
    }
  })

  it('[RB5] a board stored with malformed entries is repaired as it loads, after a snapshot; clients never see them', async () => {
    const dataDir = tempDataDir()
    const first = await startRelay({ dataDir })
    const boardId = await createBoard(first, 'Gammal tavla')
    const writer = client(first, boardId)
    await synced(writer)
    const good = addNote(writer.doc, { x: 0, y: 0, text: 'Fika', ...author(boardId) })
    const numbered = addNote(writer.doc, { x: 200, y: 0, text: 'blir en siffra', ...author(boardId) })
    createCluster(writer.doc, { id: 'cluster-good', name: 'Grupp', noteIds: [good] })
    const exportedNotes = async () =>
      ((await (await download(first, boardId, 'json')).json()) as { notes: unknown[] }).notes
    await waitFor(async () => (await exportedNotes()).length === 2)
    writer.destroy()
    await first.close()

    // Stored as a relay that checked nothing would have stored it.
    const storage = openSqliteStorage(dataDir)
    const stored = await storage.loadDoc({ boardId, kind: 'board' })
    const doc = new Y.Doc()
    for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    sabotage(doc, numbered)
    await storage.appendUpdate({ boardId, kind: 'board' }, Y.encodeStateAsUpdate(doc, before))
    await storage.close()

    const second = await startRelay({ dataDir })
    cleanup.push(() => second.close())
    const honest = new Y.Doc()
    // Whatever the sync brings, after no transaction does the client hold a malformed entry.
    let heldMalformed = false
    honest.on('afterTransaction', () => {
      heldMalformed ||= invalidEntries(honest).size > 0
    })
    const joined = connectClient(second, boardId, honest)
    cleanup.push(() => joined.destroy())
    await synced(joined)

    expect(heldMalformed).toBe(false)
    expect(invalidEntries(honest).size).toBe(0)
    expect(
      listNotes(honest)
        .map((note) => note.id)
        .sort(),
    ).toEqual([good, numbered].sort())
    expect(readNote(honest, numbered)?.text).toBe('')
    expect(listClusters(honest).map((cluster) => cluster.id)).toEqual(['cluster-good'])

    // The snapshot was taken first: it holds the board as it was stored.
    const snapshots = await history(second, boardId)
    // The newest: nothing was taken after it (the first relay took a scheduled one as notes came).
    expect(snapshots[0]?.reason).toBe('before-repair')
    expect(snapshots.filter((entry) => entry.reason === 'before-repair')).toHaveLength(1)
    const snapshot = await fetch(`${second.url}/api/boards/${boardId}/history/${snapshots[0]?.id}`, {
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
    const past = new Y.Doc()
    Y.applyUpdate(past, new Uint8Array(await snapshot.arrayBuffer()))
    expect(past.getMap('notes').get('note-forty-two')).toBe(42)
    expect([...(invalidEntries(past).get('notes') ?? [])].sort()).toEqual(['note-forty-two', numbered].sort())

    const res = await download(second, boardId, 'json')
    expect(res.status).toBe(200)
    expect(res.headers.get('samla-skipped-entries')).toBe('0')

    // The repair was stored: a relay started again finds nothing to repair.
    joined.provider.destroy()
    await second.close()
    const third = await startRelay({ dataDir })
    cleanup.push(() => third.close())
    const again = client(third, boardId)
    await synced(again)
    expect(invalidEntries(again.doc).size).toBe(0)
    const repairs = (await history(third, boardId)).filter((entry) => entry.reason === 'before-repair')
    expect(repairs).toHaveLength(1)
  })
})

/** Erasure that leaves nothing behind, and bad addresses answered as bad requests. */
import fs from 'node:fs'
import path from 'node:path'
import { addNote, listNotes } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { Relay } from '../src/index.js'
import { authorOn, connectClient, createBoard, linksOf, startRelay, synced, tempDataDir, waitFor } from './helpers.js'

/** Every file under `dir`, read whole. */
function filesUnder(dir: string): Array<{ file: string; bytes: Buffer }> {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile()) return []
    const file = path.join(entry.parentPath, entry.name)
    return [{ file, bytes: fs.readFileSync(file) }]
  })
}

describe('[RE] erasure and bad addresses', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })
  async function relayIn(dataDir: string): Promise<Relay> {
    const relay = await startRelay({ dataDir })
    cleanup.push(() => relay.close())
    return relay
  }

  it('[RE1] after a board is deleted, no file of the data directory holds any of its text', async () => {
    const dataDir = tempDataDir()
    const relay = await relayIn(dataDir)
    const boardId = await createBoard(relay, 'Hemlig verkstad')
    const client = connectClient(relay, boardId)
    cleanup.push(() => client.destroy())
    await synced(client)
    const secret = 'Personnummer-19121212-1212 i en lapp'
    for (let i = 0; i < 20; i++)
      addNote(client.doc, { x: i, y: 0, text: `${secret} ${i}`, ...authorOn(boardId, 'Åsa') })
    await waitFor(async () => {
      const res = await fetch(`${relay.url}/api/boards/${boardId}/export?format=csv`, {
        headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
      })
      return (await res.text()).includes(`${secret} 19`)
    })
    expect(listNotes(client.doc)).toHaveLength(20)
    // A history snapshot holds the board's text too.
    const snapshot = await fetch(`${relay.url}/api/boards/${boardId}/history`, {
      method: 'POST',
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'manual' }),
    })
    expect(snapshot.status).toBe(201)
    const needle = Buffer.from(secret)
    expect(filesUnder(dataDir).some(({ bytes }) => bytes.includes(needle))).toBe(true)

    const deleted = await fetch(`${relay.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
    })
    expect(deleted.status).toBe(204)
    const holding = filesUnder(dataDir).filter(
      ({ bytes }) => bytes.includes(needle) || bytes.includes('Hemlig verkstad'),
    )
    expect(holding.map(({ file }) => path.relative(dataDir, file))).toEqual([])
  })

  it('[RE2] a malformed percent-escape in a board address answers 400, not 500', async () => {
    const relay = await relayIn(tempDataDir())
    for (const address of [
      '/api/boards/%E0%A4%A',
      '/api/boards/%E0%A4%A/snapshot',
      '/api/boards/%ZZ/export?format=csv',
    ]) {
      const res = await fetch(`${relay.url}${address}`, { headers: { authorization: 'Bearer x' } })
      expect(res.status, address).toBe(400)
      expect(((await res.json()) as { error: string }).error).toBe('invalid-board-id')
    }
  })
})

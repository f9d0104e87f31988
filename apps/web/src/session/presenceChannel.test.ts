/**
 * Presence under a client id of its own, against the real relay on port 0 with real y-websocket
 * providers (Node's WebSocket stands in for the browser's): what another client on the board sees of
 * this tab's presence, and how it survives a reconnect and ends.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addNote } from '@samla/board'
import { createRelay } from '@samla/relay'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openPresenceChannel } from './presenceChannel'

const cleanup: (() => unknown)[] = []

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function startBoard() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-presence-'))
  const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, logger: pino({ level: 'silent' }) })
  cleanup.push(
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => relay.close(),
  )
  const response = await fetch(`${relay.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'Vem' }) })
  const { id, links } = (await response.json()) as { id: string; links: { participant: string } }
  const connect = (doc = new Y.Doc()) => {
    const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, id, doc, {
      params: { token: links.participant },
      disableBc: true,
    })
    cleanup.push(() => provider.destroy())
    return provider
  }
  return { connect }
}

/** A stock provider that records every client id it hears in presence. */
function observe(provider: WebsocketProvider) {
  const heard = new Set<number>()
  provider.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
    for (const id of [...(added ?? []), ...(updated ?? []), ...(removed ?? [])]) heard.add(id)
  })
  return heard
}

describe('presence on a client id of its own', () => {
  it('[WC1] others see this tab’s presence under an id that is not the board doc’s, which its notes carry', async () => {
    const { connect } = await startBoard()
    const observer = connect()
    const heard = observe(observer)
    // A state is heard from its first change on (y-protocols ignores the empty one a client starts with).
    observer.awareness.setLocalStateField('user', { name: 'Bo' })
    const writer = connect()
    const channel = openPresenceChannel(writer)
    cleanup.push(() => channel.destroy())
    channel.awareness.setLocalStateField('user', { name: 'Åsa' })
    const presenceId = channel.awareness.clientID
    await eventually(() => observer.awareness.getStates().get(presenceId)?.user !== undefined, 'Åsa’s presence')
    expect(presenceId).not.toBe(writer.doc.clientID)

    const noteId = addNote(writer.doc, { x: 0, y: 0, text: 'anonym idé' })
    await eventually(() => observer.doc.getMap('notes').has(noteId), 'the note')
    expect(Y.decodeStateVector(Y.encodeStateVector(observer.doc)).has(writer.doc.clientID)).toBe(true)
    expect(heard.has(writer.doc.clientID)).toBe(false)
    expect(observer.awareness.getStates().has(writer.doc.clientID)).toBe(false)
    // The writer hears the others through its channel, not through the provider's own awareness.
    await eventually(() => channel.awareness.getStates().has(observer.awareness.clientID), 'the observer')
    expect(writer.awareness.getStates().size).toBe(0)
  })

  it('[WC2] a reconnect sends the presence again and clears others’ stale entries; closing tells the others at once', async () => {
    const { connect } = await startBoard()
    const observer = connect()
    observer.awareness.setLocalStateField('user', { name: 'Bo' })
    const writer = connect()
    const channel = openPresenceChannel(writer)
    channel.awareness.setLocalStateField('user', { name: 'Åsa' })
    const presenceId = channel.awareness.clientID
    await eventually(() => observer.awareness.getStates().has(presenceId), 'Åsa’s presence')
    await eventually(() => channel.awareness.getStates().has(observer.awareness.clientID), 'Bo’s presence')

    writer.disconnect()
    await eventually(() => !observer.awareness.getStates().has(presenceId), 'Åsa gone after her socket closed')
    expect(channel.awareness.getStates().has(observer.awareness.clientID)).toBe(false)
    writer.connect()
    await eventually(() => observer.awareness.getStates().get(presenceId)?.user !== undefined, 'Åsa back')

    channel.destroy()
    await eventually(() => !observer.awareness.getStates().has(presenceId), 'Åsa gone after closing', 1000)
    expect(() => writer.destroy()).not.toThrow()
  })
})

/**
 * Presence under a client id of its own, against the real relay on port 0 with real y-websocket
 * providers (Node's WebSocket stands in for the browser's): what another client on the board sees of
 * this tab's presence, and how it survives a reconnect and ends.
 */
import { addNote } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openPresenceChannel } from './presenceChannel'
import { cleanUp, eventually, onCleanUp, startBoard } from './test-support'

afterEach(cleanUp)

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
    const { links, connect: join } = await startBoard('Vem')
    const connect = (doc?: Y.Doc) => join(links.participant, { doc })
    const observer = connect()
    const heard = observe(observer)
    // A state is heard from its first change on (y-protocols ignores the empty one a client starts with).
    observer.awareness.setLocalStateField('user', { name: 'Bo' })
    const writer = connect()
    const channel = openPresenceChannel(writer)
    onCleanUp(() => channel.destroy())
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
    const { links, connect: join } = await startBoard('Vem')
    const connect = (doc?: Y.Doc) => join(links.participant, { doc })
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

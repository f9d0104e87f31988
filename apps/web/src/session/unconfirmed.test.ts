/** Tests for counting local changes until the relay has confirmed them. */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ObservableV2 } from 'lib0/observable'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { watchUnconfirmed } from './unconfirmed'

/** Just enough of a y-websocket provider: its sync handler, socket and events. */
class FakeProvider extends ObservableV2<{ sync: (synced: boolean) => void; 'connection-close': () => void }> {
  readonly doc = new Y.Doc()
  synced = false
  readonly sent: number[] = []
  ws: { readyState: number; OPEN: number; send: (data: Uint8Array) => void } | null = {
    readyState: 1,
    OPEN: 1,
    send: (data) => this.sent.push(data.length),
  }
  readonly messageHandlers = [
    (encoder: encoding.Encoder, decoder: decoding.Decoder) => {
      encoding.writeVarUint(encoder, 0)
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
      if (kind === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true
        this.emit('sync', [true])
      }
    },
  ]

  /** The relay answering a step 1: a step 2 (empty here, as the relay has nothing the client lacks). */
  answer() {
    const message = encoding.createEncoder()
    syncProtocol.writeSyncStep2(message, new Y.Doc())
    this.messageHandlers[0]?.(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(message)))
  }
}

function setUp() {
  vi.useFakeTimers()
  const provider = new FakeProvider()
  const store = watchUnconfirmed(provider as unknown as WebsocketProvider, (origin) => origin === provider)
  const edit = (text: string) => provider.doc.getText('t').insert(0, text)
  return { provider, store, edit }
}

describe('unconfirmed changes', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('counts local changes made offline and confirms them with a probe after the next sync', () => {
    const { provider, store, edit } = setUp()
    edit('a')
    edit('b')
    expect(store.get()).toBe(2)
    vi.advanceTimersByTime(5000)
    expect(provider.sent).toEqual([])
    // Connecting: the answer to y-websocket's own step 1 does not confirm anything.
    provider.answer()
    expect(store.get()).toBe(2)
    vi.advanceTimersByTime(0)
    expect(provider.sent).toHaveLength(1)
    provider.answer()
    expect(store.get()).toBe(0)
  })

  it('does not count changes from the relay', () => {
    const { provider, store } = setUp()
    const other = new Y.Doc()
    other.getText('t').insert(0, 'x')
    Y.applyUpdate(provider.doc, Y.encodeStateAsUpdate(other), provider)
    expect(store.get()).toBe(0)
  })

  it('confirms only what was made before the probe went out, and probes again for the rest', () => {
    const { provider, store, edit } = setUp()
    provider.answer()
    edit('a')
    vi.advanceTimersByTime(1000)
    expect(provider.sent).toHaveLength(1)
    edit('b')
    provider.answer()
    expect(store.get()).toBe(1)
    vi.advanceTimersByTime(1000)
    expect(provider.sent).toHaveLength(2)
    provider.answer()
    expect(store.get()).toBe(0)
  })

  it('forgets probes on a connection that closed, and probes again once synced', () => {
    const { provider, store, edit } = setUp()
    provider.answer()
    edit('a')
    vi.advanceTimersByTime(1000)
    provider.emit('connection-close', [])
    provider.synced = false
    provider.answer()
    expect(store.get()).toBe(1)
    vi.advanceTimersByTime(0)
    provider.answer()
    expect(store.get()).toBe(0)
    store.destroy()
  })
})

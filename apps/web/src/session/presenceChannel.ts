/**
 * Presence under a client id of its own, on the board's socket. The board doc's Yjs client id is
 * written into every item of every note this tab writes, so presence published under that id (as
 * y-websocket does by default) would tell anyone who receives the board which name wrote which note,
 * anonymous mode or not. Presence therefore lives in an Awareness of a separate, never-synced doc,
 * whose random client id has nothing to do with the board doc's.
 *
 * y-websocket's `awareness` option is not enough for that: the provider still addresses the board
 * doc's client id in its awareness messages (on connect, on close, on disconnect), which throws for an
 * awareness of another doc. So the provider's own awareness is left empty, the awareness messages it
 * receives are routed here, and this tab's own entry is sent from here — only its own: the stock
 * provider echoes every change it hears, so each cursor move on a board of 300 would come back to
 * the relay 299 times, only to be dropped there (a connection may change only its own entry).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { messageAwareness, messageQueryAwareness, type WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface PresenceChannel {
  /** This tab's presence and everyone else's on the board; its client id is not the board doc's. */
  readonly awareness: Awareness
  /** Tells the others this tab has left (while still connected) and stops. */
  destroy(): void
}

interface AwarenessChange {
  readonly added: number[]
  readonly updated: number[]
  readonly removed: number[]
}

export function openPresenceChannel(provider: WebsocketProvider): PresenceChannel {
  const presenceDoc = new Y.Doc()
  const awareness = new Awareness(presenceDoc)
  const own = awareness.clientID
  // The provider's own awareness, under the board doc's client id, never holds a state: on connect it
  // then sends nothing.
  provider.awareness.setLocalState(null)

  const sendOwn = () => {
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]))
    ws.send(encoding.toUint8Array(encoder))
  }
  provider.messageHandlers[messageAwareness] = (_encoder, decoder) => {
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), provider)
  }
  provider.messageHandlers[messageQueryAwareness] = (encoder) => {
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]))
  }
  const onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin !== provider && [...added, ...updated, ...removed].includes(own)) sendOwn()
  }
  // Connected: this tab's presence goes out, renewed, since the relay dropped it with the last socket
  // and ignores a state no newer than the one it dropped. Disconnected: everyone else's is stale.
  const onStatus = ({ status }: { status: string }) => {
    const state = awareness.getLocalState()
    if (status === 'connected' && state !== null) awareness.setLocalState(state)
    if (status === 'disconnected') {
      const others = [...awareness.getStates().keys()].filter((id) => id !== own)
      removeAwarenessStates(awareness, others, provider)
    }
  }
  awareness.on('update', onUpdate)
  provider.on('status', onStatus)

  return {
    awareness,
    destroy() {
      awareness.setLocalState(null)
      awareness.off('update', onUpdate)
      provider.off('status', onStatus)
      awareness.destroy()
      presenceDoc.destroy()
    },
  }
}

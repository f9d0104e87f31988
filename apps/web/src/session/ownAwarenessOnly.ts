/**
 * Sends only this tab's own presence. y-websocket's provider sends every awareness change it sees,
 * including the ones it just received from the relay, so each cursor move on a board of 300 would
 * come back to the relay 299 times — and the relay drops those echoes anyway (a connection may
 * change only its own entry). On flaky Wi-Fi that traffic is what fills the send buffer, so the
 * provider's handler is swapped for one that sends the own entry only. The relay already sends
 * each joiner everyone's state, so nothing depended on the echoes.
 */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { messageAwareness, type WebsocketProvider } from 'y-websocket'

interface AwarenessChange {
  readonly added: number[]
  readonly updated: number[]
  readonly removed: number[]
}

export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  const own = awareness.clientID
  const onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === provider || ![...added, ...updated, ...removed].includes(own)) return
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]))
    ws.send(encoding.toUint8Array(encoder))
  }
  awareness.off('update', provider._awarenessUpdateHandler)
  awareness.on('update', onUpdate)
  return () => {
    awareness.off('update', onUpdate)
  }
}

/**
 * Where a board's docs sync, and how a socket there proves its access: the relay's websocket
 * endpoint, a room's address (which carries nothing secret: proxies and access logs keep addresses),
 * and the subprotocols that carry the link's token and the device key that proves who writes.
 */
import { credentialProtocols } from '@samla/protocol'
import { getDeviceKey } from '../lib/deviceKey'

export function relayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`
}

/** The subprotocols a room's socket offers: the link's token and this device's key. */
export function roomProtocols(token: string): string[] {
  return credentialProtocols(token, getDeviceKey())
}

/** y-websocket's own form of a room's address (server/room), as the provider opens it. */
export function roomUrl(room: string): string {
  return `${relayUrl(window.location)}/${room}`
}

/** Where a board's docs sync: the relay's websocket endpoint, and the address a provider opens for one room. */
import { encodeQueryParams } from 'lib0/url'

export function relayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`
}

/** y-websocket's own form of a room's address (server/room?params), with the link's token. */
export function roomUrl(room: string, token: string): string {
  return `${relayUrl(window.location)}/${room}?${encodeQueryParams({ token })}`
}

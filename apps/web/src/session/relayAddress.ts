/** Where a board's docs sync: the relay's websocket endpoint, and the address a provider opens for one room. */
import { DEVICE_KEY_PARAM } from '@samla/protocol'
import { encodeQueryParams } from 'lib0/url'
import { getDeviceKey } from '../lib/deviceKey'

export function relayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`
}

/** What a room's address carries: the link's token, and the device key that proves who writes. */
export function roomParams(token: string): Record<string, string> {
  return { token, [DEVICE_KEY_PARAM]: getDeviceKey() }
}

/** y-websocket's own form of a room's address (server/room?params). */
export function roomUrl(room: string, token: string): string {
  return `${relayUrl(window.location)}/${room}?${encodeQueryParams(roomParams(token))}`
}

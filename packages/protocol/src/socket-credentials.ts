/**
 * How the web app hands the relay a link's token and its device key when opening a websocket: as
 * websocket subprotocols (the Sec-WebSocket-Protocol header), not in the address, because reverse
 * proxies and access logs keep addresses and not that header. Each credential is base64url-encoded
 * behind a prefix, so whatever a pasted link holds is a valid subprotocol token (RFC 6455). The
 * relay answers with SOCKET_PROTOCOL, never with a credential. Stock clients keep using `?token=`
 * and `?device=`.
 */
import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer'
import * as string from 'lib0/string'

/** The subprotocol the relay accepts, and the one a browser's socket must offer alongside the credentials. */
export const SOCKET_PROTOCOL = 'samla'

const TOKEN_PREFIX = 'samla.token.'
const DEVICE_PREFIX = 'samla.device.'
const BASE64URL = /^[A-Za-z0-9_-]*$/

const encode = (value: string) => toBase64UrlEncoded(string.encodeUtf8(value))

/** The subprotocols a browser offers to open a board's socket with this token and device key. */
export function credentialProtocols(token: string, deviceKey: string): string[] {
  return [SOCKET_PROTOCOL, `${TOKEN_PREFIX}${encode(token)}`, `${DEVICE_PREFIX}${encode(deviceKey)}`]
}

export interface SocketCredentials {
  readonly token: string | null
  readonly deviceKey: string | null
}

function decoded(offered: readonly string[], prefix: string): string | null {
  const value = offered.find((protocol) => protocol.startsWith(prefix))?.slice(prefix.length)
  if (value === undefined || value === '' || !BASE64URL.test(value)) return null
  return string.decodeUtf8(fromBase64UrlEncoded(value))
}

/** The credentials among the subprotocols a client offered; a malformed one counts as absent. */
export function readCredentialProtocols(offered: readonly string[]): SocketCredentials {
  return { token: decoded(offered, TOKEN_PREFIX), deviceKey: decoded(offered, DEVICE_PREFIX) }
}

/** Whether a subprotocol carries a credential, which the relay must never echo back. */
export function isCredentialProtocol(protocol: string): boolean {
  return protocol.startsWith(TOKEN_PREFIX) || protocol.startsWith(DEVICE_PREFIX)
}

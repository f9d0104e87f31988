import { describe, expect, it } from 'vitest'
import {
  credentialProtocols,
  isCredentialProtocol,
  readCredentialProtocols,
  SOCKET_PROTOCOL,
} from './socket-credentials.js'

/** RFC 6455 subprotocols are RFC 2616 tokens: visible ASCII without separators. */
const SUBPROTOCOL_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

describe('credentials as websocket subprotocols', () => {
  it('[PS1] carry any token and device key as valid subprotocols, read back unchanged, never echoed', () => {
    const token = 'v1.AAAAAAAAAAAAAAAAAAAAAA.facilitator.3.mac-with_chars'
    for (const [t, key] of [
      [token, 'device-key-0123456789'],
      ['a pasted link, with spaces; "quotes" and åäö', 'x'],
    ] as const) {
      const offered = credentialProtocols(t, key)
      expect(offered[0]).toBe(SOCKET_PROTOCOL)
      for (const protocol of offered) expect(protocol).toMatch(SUBPROTOCOL_TOKEN)
      expect(readCredentialProtocols(offered)).toEqual({ token: t, deviceKey: key })
      expect(offered.filter(isCredentialProtocol)).toHaveLength(2)
    }
    expect(isCredentialProtocol(SOCKET_PROTOCOL)).toBe(false)
    expect(readCredentialProtocols(['samla', 'samla.token.', 'samla.device.not*base64'])).toEqual({
      token: null,
      deviceKey: null,
    })
  })
})

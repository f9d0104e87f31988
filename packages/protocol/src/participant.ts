/**
 * Who is writing, as the relay knows it. A device keeps a random key of its own (never shown to
 * anyone but the relay); on each board it is known by an id derived from that key and the board's id:
 * the same on every visit, unlinkable between boards, and impossible to claim without the key. The
 * relay derives it from the key a connection presents, so authorship cannot be faked; the web app
 * derives the same id to sign its notes. Names stay self-declared, as for any guest.
 */
import { toBase64UrlEncoded } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'
import * as string from 'lib0/string'

/** The websocket URL parameter that carries the device key. */
export const DEVICE_KEY_PARAM = 'device'

const DEVICE_KEY = /^[A-Za-z0-9_-]{16,64}$/

export function isDeviceKey(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_KEY.test(value)
}

/** The device's id on this board: 128 bits of SHA-256 over a label, the board id and the key, base64url (22 characters). */
export function participantId(boardId: string, deviceKey: string): string {
  return toBase64UrlEncoded(
    digest(string.encodeUtf8(`samla-participant\u0000${boardId}\u0000${deviceKey}`)).subarray(0, 16),
  )
}

/**
 * A board's short join code: 8 characters a room can type from a projector (`/j/K7M4-PQ2X`), for the
 * participant link. The alphabet has no 0, O, 1, I (nor a lower case l, as codes are upper case), so
 * none is misread; 32 characters make each one 5 bits, 40 bits a code.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 8

const JOIN_CODE_SHAPE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

export function isJoinCode(value: unknown): value is string {
  return typeof value === 'string' && JOIN_CODE_SHAPE.test(value)
}

/** The code someone typed, as stored (upper case, without the dash), or null when it cannot be one. */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.replace(/-/g, '').toUpperCase()
  return isJoinCode(code) ? code : null
}

/** The code as shown: two groups of four, `K7M4-PQ2X`. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** A new code from `randomBytes` (one byte per character, of which 5 bits are used: no bias). */
export function joinCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < JOIN_CODE_LENGTH) throw new RangeError(`a join code takes ${JOIN_CODE_LENGTH} bytes`)
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[(randomBytes[i] as number) & 31]
  return code
}

/**
 * The creation key: on a relay that sets one, only whoever holds it may create boards (an instance
 * open to the internet would otherwise store anything anyone sends). It comes as
 * `Authorization: Bearer <key>` on `POST /api/boards`, like a board link's token on the other calls.
 * Compared in constant time over digests, so neither its length nor its letters leak through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { ApiError } from '@samla/protocol'
import { bearerToken } from './authorise.js'

export type CreationKeyRefusal = {
  status: 401 | 403
  error: Extract<ApiError, 'creation-key-required' | 'creation-key-invalid'>
  message: string
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Checks requests against the relay's key; with no key set, everyone may create boards. */
export function creationKeyCheck(
  key: string | undefined,
): (authorization: string | undefined) => CreationKeyRefusal | null {
  if (!key) return () => null
  const expected = digest(key)
  return (authorization) => {
    const sent = bearerToken(authorization)
    if (sent === null) {
      return { status: 401, error: 'creation-key-required', message: 'Creating a board here needs the creation key' }
    }
    if (!timingSafeEqual(digest(sent), expected)) {
      return { status: 403, error: 'creation-key-invalid', message: 'That creation key is not right' }
    }
    return null
  }
}

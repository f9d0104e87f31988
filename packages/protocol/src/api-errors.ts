/**
 * The `error` codes of the relay's JSON error answers (`{"error", "message"}`). The relay answers
 * with these; the web app reads them to explain a refusal. A board-model error's code (see
 * `@samla/board`'s BoardErrorCode) may also stand there, for a board that could not be built.
 */
export const API_ERRORS = [
  // 401: the token
  'missing-token',
  'invalid-token',
  'link-rotated',
  /** Creating a board on this relay needs its creation key, and none was sent. */
  'creation-key-required',
  // 403
  'other-board',
  'not-allowed',
  /** The creation key sent is not this relay's. */
  'creation-key-invalid',
  // 404
  'board-not-found',
  'snapshot-not-found',
  'not-found',
  // 400
  'invalid-board-id',
  'invalid-json',
  'invalid-title',
  'invalid-language',
  'invalid-format',
  'invalid-reason',
  // others
  'method-not-allowed',
  'body-too-large',
  'rate-limited',
  'storage-failure',
  /** 507: the relay's storage quota is reached, so it takes no new boards (existing ones keep working). */
  'storage-quota-reached',
  /** 503: too many board imports are being built at once; try again shortly. */
  'imports-busy',
  /** 413: an import holds more notes or groups than one board may. */
  'import-too-large',
  /** 400: a merge's list of boards is not 2–20 distinct boards with their links (the message names the source). */
  'invalid-merge',
  /** 404: a board to merge does not exist (any more); the message names which. */
  'merge-source-not-found',
  /** 401/403: a board to merge was not opened with its current facilitator link; the message names which. */
  'merge-source-refused',
  'internal',
] as const

export type ApiError = (typeof API_ERRORS)[number]

/** Refusals of a board link's token: the same for the API and the websocket upgrade. */
export type TokenRefusal = Extract<ApiError, 'missing-token' | 'invalid-token' | 'link-rotated' | 'other-board'>

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'string' && (API_ERRORS as readonly string[]).includes(value)
}

/**
 * Typed errors thrown by board operations. Every write validates before it touches the doc,
 * so a thrown BoardError always means "nothing was changed".
 */
export type BoardErrorCode =
  | 'invalid-number'
  | 'invalid-colour'
  | 'text-too-long'
  | 'title-too-long'
  | 'invalid-size'
  | 'invalid-id'
  | 'note-not-found'
  | 'cluster-not-found'
  | 'invalid-phase'
  | 'invalid-token'
  | 'invalid-time-zone'
  | 'invalid-import'
  | 'invalid-author'
  | 'invalid-text'
  | 'unsupported-schema'

export class BoardError extends Error {
  override readonly name = 'BoardError'
  constructor(
    readonly code: BoardErrorCode,
    message: string,
  ) {
    super(message)
  }
}

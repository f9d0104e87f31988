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

export type MergeErrorCode =
  /** The merge would pass the board's limits on notes or groups. */
  | 'merge-over-limit'
  /** A region would have to grow over another region (one a facilitator moved below it). */
  | 'merge-no-room'
  /** The sources are not 1–20 distinct, well-formed boards. */
  | 'merge-invalid-sources'

/** Thrown by a merge of boards (exchange/merge.ts) before it changes anything. */
export class MergeError extends Error {
  override readonly name = 'MergeError'
  constructor(
    readonly code: MergeErrorCode,
    message: string,
  ) {
    super(message)
  }
}

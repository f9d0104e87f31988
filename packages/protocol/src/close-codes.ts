/**
 * Every websocket close code the relay sends (the README's table lists them), in one place for the
 * relay that sends them and the web app that explains each in plain words.
 * 4000–4999 are application codes.
 */
export const CloseCode = {
  /** Storage failed; the room was unloaded so nothing unsaved is served. Reconnect. */
  InternalError: 1011,
  /** Frame larger than maxFrameBytes (sent by `ws` itself when maxPayload is exceeded). */
  MessageTooBig: 1009,
  /** The relay is shutting down or restarting; reconnect. */
  ServiceRestart: 1012,
  /** A frame could not be decoded as a y-websocket message. */
  MalformedMessage: 4400,
  /** The link this connection used was replaced by the facilitator; a new link is needed. */
  LinkRotated: 4401,
  /**
   * No such board. Today's relay refuses an unknown board at the upgrade (HTTP 404) instead;
   * clients still explain the code, which earlier relays sent.
   */
  BoardNotFound: 4404,
  /** The connection stopped answering pings. */
  Unresponsive: 4408,
  /** The board was deleted by its facilitator. */
  BoardDeleted: 4410,
  /** The update would make the board larger than maxBoardBytes; it was not stored. */
  BoardTooLarge: 4413,
  /**
   * A participant's change broke the board's rules (its schema, authorship, what participants may
   * change); it was refused whole, never stored or broadcast. Resending would be refused again.
   */
  ChangeRefused: 4422,
  /** Too many connections from one network address. */
  TooManyFromAddress: 4429,
  /** The board already has maxConnectionsPerRoom connections. */
  BoardFull: 4503,
  /** The client read too slowly: its send buffer passed the high-water mark. */
  TooSlow: 4509,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

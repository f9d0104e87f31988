/**
 * Every websocket close code the relay sends, in one place (the README's table is built from
 * this list). 4000–4999 are application codes; clients map them to plain-language messages.
 */
export const CloseCode = {
  /** The relay is shutting down or restarting; reconnect. */
  ServiceRestart: 1012,
  /** Frame larger than maxFrameBytes (sent by `ws` itself when maxPayload is exceeded). */
  MessageTooBig: 1009,
  /** Storage failed; the room was unloaded so nothing unsaved is served. Reconnect. */
  InternalError: 1011,
  /** A frame could not be decoded as a y-websocket message. */
  MalformedMessage: 4400,
  /** The connection stopped answering pings. */
  Unresponsive: 4408,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

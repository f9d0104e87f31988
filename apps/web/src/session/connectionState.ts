/**
 * The connection state the UI shows, as a pure reducer over what the relay link reports:
 * connected (synced), connecting (first attempt) or offline — plus, when the relay closed with a
 * code we can explain, that code, and, when access to the board has ended for good, why.
 */
import { CloseCode } from '@samla/protocol'
import type { AccessProblem } from '../api/http'

export type ConnectionStatus = 'connected' | 'connecting' | 'offline'

/** Close codes from the relay that the UI explains in plain words. */
const EXPLAINED_CLOSE_CODES = [
  CloseCode.MalformedMessage,
  CloseCode.BoardNotFound,
  CloseCode.BoardTooLarge,
  CloseCode.ChangeRefused,
  CloseCode.MessageTooBig,
  CloseCode.InternalError,
  CloseCode.ServiceRestart,
  CloseCode.Unresponsive,
  CloseCode.TooManyFromAddress,
  CloseCode.BoardFull,
  CloseCode.TooSlow,
] as const
export type ExplainedCloseCode = (typeof EXPLAINED_CLOSE_CODES)[number]

/** Closes that end access to the board: the link was replaced or the board erased. */
const ENDING_CLOSE_CODES: ReadonlyMap<number, AccessProblem> = new Map([
  [CloseCode.LinkRotated, 'link-rotated'],
  [CloseCode.BoardDeleted, 'board-deleted'],
])

/**
 * Closes that reconnecting cannot fix: a malformed or oversized message would be sent again, a
 * missing board stays missing, and a replaced link or an erased board never comes back. Everything
 * else — including 4408 "unresponsive" after a laptop slept, which y-websocket's default would
 * treat as final — reconnects by itself.
 */
const FINAL_CLOSE_CODES: readonly number[] = [
  CloseCode.MalformedMessage,
  CloseCode.BoardNotFound,
  CloseCode.BoardTooLarge,
  CloseCode.ChangeRefused,
  CloseCode.MessageTooBig,
  ...ENDING_CLOSE_CODES.keys(),
]

/**
 * Refusals of a change this device made (4422: it broke the board's rules; 4413: too large, or the
 * board full): this device's copy still holds the change and would send it on every reconnect, so
 * the way on is starting over from the relay's board, which the board's banner offers.
 */
const REFUSED_CHANGE_CODES: readonly number[] = [CloseCode.ChangeRefused, CloseCode.BoardTooLarge]

export function isRefusedChange(code: number | null): boolean {
  return code !== null && REFUSED_CHANGE_CODES.includes(code)
}

export function shouldReconnect(code: number): boolean {
  return !FINAL_CLOSE_CODES.includes(code)
}

export interface ConnectionState {
  readonly status: ConnectionStatus
  readonly closeCode: ExplainedCloseCode | null
  /** The relay said reconnecting cannot help (a 44xx code); only an explicit retry reconnects. */
  readonly stopped: boolean
  /** Access to the board is over; nothing reconnects and the board is no longer shown. */
  readonly ended: AccessProblem | null
}

export type ConnectionEvent =
  | { readonly type: 'connecting' }
  | { readonly type: 'synced' }
  | { readonly type: 'closed'; readonly code: number | null }
  | { readonly type: 'stopped' }
  | { readonly type: 'browser-offline' }
  | { readonly type: 'retry' }
  | { readonly type: 'ended'; readonly problem: AccessProblem }

export const INITIAL_CONNECTION: ConnectionState = {
  status: 'connecting',
  closeCode: null,
  stopped: false,
  ended: null,
}

function isExplained(code: number | null): code is ExplainedCloseCode {
  return (EXPLAINED_CLOSE_CODES as readonly (number | null)[]).includes(code)
}

function reduceOpen(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'connecting':
      // Once offline, background retries stay "offline" until one succeeds, so the status does not flicker.
      return state.status === 'offline' ? state : { ...state, status: 'connecting' }
    case 'synced':
      return { ...INITIAL_CONNECTION, status: 'connected' }
    case 'closed': {
      const ended = event.code === null ? undefined : ENDING_CLOSE_CODES.get(event.code)
      if (ended) return { ...state, status: 'offline', stopped: true, ended }
      // A failed retry after "relay restarting" carries no code; the explanation still applies.
      return { ...state, status: 'offline', closeCode: isExplained(event.code) ? event.code : state.closeCode }
    }
    case 'stopped':
      return { ...state, status: 'offline', stopped: true }
    case 'browser-offline':
      return { ...state, status: 'offline' }
    case 'retry':
      return INITIAL_CONNECTION
    case 'ended':
      return { ...state, status: 'offline', stopped: true, ended: event.problem }
  }
}

/** Once access has ended, nothing that happens on the wire brings the board back. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  return state.ended ? state : reduceOpen(state, event)
}

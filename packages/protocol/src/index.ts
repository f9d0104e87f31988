/**
 * What the relay and the web app must agree on, defined once: roles and what each may do, the
 * websocket close codes, the API's error codes, how a socket carries its credentials, the shape of
 * a board's links, and the dot votes' messages and who sees what of them.
 */
export { API_ERRORS, type ApiError, isApiError, type TokenRefusal } from './api-errors.js'
export { CloseCode } from './close-codes.js'
export { type BoardLinks, parseBoardLinks, parseRotatedToken, ROTATABLE_ROLES, type RotatableRole } from './links.js'
export { HISTORY_REASONS, type HistoryReason, isHistoryReason } from './history.js'
export { DEVICE_KEY_PARAM, isDeviceKey, participantId } from './participant.js'
export {
  credentialProtocols,
  isCredentialProtocol,
  readCredentialProtocols,
  SOCKET_PROTOCOL,
  type SocketCredentials,
} from './socket-credentials.js'
export { type DocKind, isRole, mayEdit, mayWrite, ROLES, type Role, roleRank } from './roles.js'
export {
  decodeVoteReply,
  decodeVoteRequest,
  encodeVoteReply,
  encodeVoteRequest,
  seesVoteTotals,
  VOTE_MESSAGE,
  type VoteRefusal,
  type VoteReply,
  type VoteRequest,
  type VoteView,
} from './votes.js'

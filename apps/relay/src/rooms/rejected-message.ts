/** A frame the relay refuses: the socket that sent it is closed with `closeCode`, and counted under `reason`. */
import type { CloseCode } from '@samla/protocol'
import type { RejectReason } from '../base/metrics.js'

export class RejectedMessageError extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly closeCode: CloseCode,
    message: string,
  ) {
    super(message)
  }
}

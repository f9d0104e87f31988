/** Board ids: 128 random bits, base64url encoded (22 characters). */
import { randomBytes } from 'node:crypto'

const BOARD_ID = /^[A-Za-z0-9_-]{22}$/

export function newBoardId(): string {
  return randomBytes(16).toString('base64url')
}

export function isBoardId(value: string): boolean {
  return BOARD_ID.test(value)
}

import { participantId } from '@samla/protocol'
import { describe, expect, it } from 'vitest'
import { getDeviceKey } from '../lib/deviceKey'
import { presenceId } from './profile'

const BOARD = 'board-one-0000000000000'

describe('the id presence shows', () => {
  it('[WC3] is one per board and device, and neither the device key nor the participant id notes are signed with', () => {
    const key = getDeviceKey()
    const id = presenceId(BOARD)
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(presenceId(BOARD)).toBe(id)
    expect(presenceId('board-two-0000000000000')).not.toBe(id)
    expect(id).not.toBe(key)
    expect(id).not.toBe(participantId(BOARD, key))
  })
})

/** Tests for what each role may do. */
import { describe, expect, it } from 'vitest'
import { isRole, mayEdit, roleRank } from './roles.js'

describe('roles', () => {
  it('lets facilitators edit always, participants only while unlocked, viewers never', () => {
    expect([mayEdit('facilitator', false), mayEdit('facilitator', true)]).toEqual([true, true])
    expect([mayEdit('participant', false), mayEdit('participant', true)]).toEqual([true, false])
    expect([mayEdit('viewer', false), mayEdit('viewer', true)]).toEqual([false, false])
  })

  it('ranks facilitator above participant above viewer', () => {
    expect(roleRank('facilitator')).toBeGreaterThan(roleRank('participant'))
    expect(roleRank('participant')).toBeGreaterThan(roleRank('viewer'))
  })

  it('recognises only the three roles', () => {
    expect(['facilitator', 'participant', 'viewer'].every(isRole)).toBe(true)
    expect([undefined, 'admin', 3].some(isRole)).toBe(false)
  })
})

/** Tests for the connection state shown to the person, and which closes end reconnecting. */
import { describe, expect, it } from 'vitest'
import {
  type ConnectionEvent,
  INITIAL_CONNECTION,
  isRefusedChange,
  reduceConnection,
  shouldReconnect,
} from './connectionState'

function run(...events: ConnectionEvent[]) {
  return events.reduce(reduceConnection, INITIAL_CONNECTION)
}

describe('connection state', () => {
  it('is connected only once synced', () => {
    expect(run({ type: 'connecting' }).status).toBe('connecting')
    expect(run({ type: 'connecting' }, { type: 'synced' }).status).toBe('connected')
  })

  it('stays offline through background retries until a sync succeeds', () => {
    const state = run({ type: 'synced' }, { type: 'closed', code: 1006 }, { type: 'connecting' })
    expect(state).toEqual({ status: 'offline', closeCode: null, stopped: false, ended: null })
    expect(reduceConnection(state, { type: 'synced' }).status).toBe('connected')
  })

  it('keeps an explained close code through failed retries and clears it on sync', () => {
    const restarting = run({ type: 'synced' }, { type: 'closed', code: 1012 }, { type: 'connecting' })
    expect(restarting.closeCode).toBe(1012)
    expect(reduceConnection(restarting, { type: 'closed', code: 1006 }).closeCode).toBe(1012)
    expect(reduceConnection(restarting, { type: 'synced' }).closeCode).toBeNull()
  })

  it('marks permanent closes as stopped until a retry', () => {
    const gone = run({ type: 'closed', code: 4404 }, { type: 'stopped' })
    expect(gone).toEqual({ status: 'offline', closeCode: 4404, stopped: true, ended: null })
    expect(reduceConnection(gone, { type: 'retry' })).toEqual(INITIAL_CONNECTION)
  })

  it('ends access for good on a replaced link or an erased board', () => {
    expect(run({ type: 'synced' }, { type: 'closed', code: 4401 }).ended).toBe('link-rotated')
    const erased = run({ type: 'synced' }, { type: 'closed', code: 4410 }, { type: 'stopped' })
    expect(erased).toEqual({ status: 'offline', closeCode: null, stopped: true, ended: 'board-deleted' })
    expect(run({ type: 'closed', code: 4410 }, { type: 'retry' }, { type: 'synced' })).toEqual(erased)
  })

  it('ends access when a recheck finds the link refused', () => {
    expect(run({ type: 'closed', code: 1006 }, { type: 'ended', problem: 'link-rotated' }).ended).toBe('link-rotated')
  })

  it('ignores close codes it cannot explain', () => {
    expect(run({ type: 'closed', code: 4999 }).closeCode).toBeNull()
  })

  it('goes offline when the browser does', () => {
    expect(run({ type: 'synced' }, { type: 'browser-offline' }).status).toBe('offline')
  })

  it('reconnects after every close except those a reconnect cannot fix', () => {
    expect([4400, 4401, 4404, 4410, 4413, 1009].filter(shouldReconnect)).toEqual([])
    expect([1006, 1011, 1012, 4408, 4429, 4503, 4509].every(shouldReconnect)).toBe(true)
  })

  it('explains a refused change and does not resend it by reconnecting', () => {
    const refused = run({ type: 'closed', code: 4422 }, { type: 'stopped' })
    expect(refused).toEqual({ status: 'offline', closeCode: 4422, stopped: true, ended: null })
    expect(shouldReconnect(4422)).toBe(false)
  })

  it('takes a change refused as too large or on a full board (4413) like a refused one: start over from the relay', () => {
    expect([4422, 4413].every(isRefusedChange)).toBe(true)
    expect([null, 4400, 1009, 4509].some(isRefusedChange)).toBe(false)
    expect(shouldReconnect(4413)).toBe(false)
  })
})

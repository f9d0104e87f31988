/**
 * This device's key: random, kept in localStorage, and shown to nobody but the relay, which derives
 * from it (and a board's id) the participant id that proves who writes on that board. Free of React,
 * so the early script can open a board's socket with it.
 */
import { readStored, writeStored } from './storage'

// Not the old `samla.userId`: that id was written into notes as their author, so it is public.
const DEVICE_KEY_KEY = 'samla.deviceKey'
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

function randomKey(): string {
  // getRandomValues, unlike randomUUID, also works on plain-http LAN addresses.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

let deviceKey: string | null = null

export function getDeviceKey(): string {
  if (deviceKey) return deviceKey
  const stored = readStored(DEVICE_KEY_KEY)
  deviceKey = stored && KEY_PATTERN.test(stored) ? stored : randomKey()
  if (deviceKey !== stored) writeStored(DEVICE_KEY_KEY, deviceKey)
  return deviceKey
}

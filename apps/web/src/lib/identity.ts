/**
 * The local person: a stable random user id (the author of the notes they write) and an optional
 * display name. Both live in localStorage, so they survive reloads without any account.
 */
import { MAX_AUTHOR_NAME_LENGTH } from '@samla/board'
import { useSyncExternalStore } from 'react'
import { readStored, writeStored } from './storage'

const USER_ID_KEY = 'samla.userId'
const NAME_KEY = 'samla.displayName'
const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/
export const MAX_NAME_LENGTH = MAX_AUTHOR_NAME_LENGTH

function randomId(): string {
  // getRandomValues, unlike randomUUID, also works on plain-http LAN addresses.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

let userId: string | null = null

export function getUserId(): string {
  if (userId) return userId
  const stored = readStored(USER_ID_KEY)
  userId = stored && ID_PATTERN.test(stored) ? stored : randomId()
  if (userId !== stored) writeStored(USER_ID_KEY, userId)
  return userId
}

const nameListeners = new Set<() => void>()
let displayName = (readStored(NAME_KEY) ?? '').slice(0, MAX_NAME_LENGTH)

export function getDisplayName(): string {
  return displayName
}

export function setDisplayName(name: string): void {
  displayName = name.slice(0, MAX_NAME_LENGTH)
  writeStored(NAME_KEY, displayName)
  for (const listener of nameListeners) listener()
}

function subscribeDisplayName(listener: () => void): () => void {
  nameListeners.add(listener)
  return () => nameListeners.delete(listener)
}

export function useDisplayName(): string {
  return useSyncExternalStore(subscribeDisplayName, getDisplayName)
}

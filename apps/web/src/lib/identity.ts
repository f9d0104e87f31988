/**
 * The local person's optional display name, kept in localStorage so it survives reloads without any
 * account. (Who writes is proven by the device's key: deviceKey.ts.)
 */
import { MAX_AUTHOR_NAME_LENGTH } from '@samla/board'
import { useSyncExternalStore } from 'react'
import { readStored, writeStored } from './storage'

const NAME_KEY = 'samla.displayName'
export const MAX_NAME_LENGTH = MAX_AUTHOR_NAME_LENGTH

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

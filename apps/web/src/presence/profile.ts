/**
 * How this person is shown to the others on a board: the display name (the one notes are signed
 * with, from lib/identity), their organisation or department, an id for this board only and a colour
 * from it. The name and organisation are remembered on this device, as is having answered the join
 * question.
 */
import { toBase64UrlEncoded } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'
import * as string from 'lib0/string'
import { useSyncExternalStore } from 'react'
import { getDeviceKey } from '../lib/deviceKey'
import { MAX_NAME_LENGTH, setDisplayName, useDisplayName } from '../lib/identity'
import { readStored, writeStored } from '../lib/storage'
import { colourFor } from '../session/colours'
import type { PresenceUser } from '../session/peers'

const ORGANISATION_KEY = 'samla.organisation'
const ANSWERED_KEY = 'samla.joinAnswered'

const listeners = new Set<() => void>()
let organisation = (readStored(ORGANISATION_KEY) ?? '').slice(0, MAX_NAME_LENGTH)
let answered = readStored(ANSWERED_KEY) === 'true'

function notify() {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function getOrganisation(): string {
  return organisation
}

function useOrganisation(): string {
  return useSyncExternalStore(subscribe, getOrganisation)
}

/** Whether this person has answered the join question on this device (given details or chosen not to). */
export function useJoinAnswered(): boolean {
  return useSyncExternalStore(subscribe, () => answered)
}

let editRequested = false

/** Whether the person asked to change their details (the join dialog then opens again). */
export function useProfileEditRequested(): boolean {
  return useSyncExternalStore(subscribe, () => editRequested)
}

export function requestProfileEdit(requested: boolean): void {
  editRequested = requested
  notify()
}

export function saveProfile(name: string, organisationName: string): void {
  setDisplayName(name.trim())
  organisation = organisationName.trim().slice(0, MAX_NAME_LENGTH)
  answered = true
  writeStored(ORGANISATION_KEY, organisation)
  writeStored(ANSWERED_KEY, 'true')
  notify()
}

/**
 * The id the others see this person by on one board: derived from this device's key under a label
 * of its own, so it is the same in every tab and visit (several tabs count as one person) and differs
 * between boards, yet it is neither the device key (which only the relay may see) nor the participant
 * id notes are signed with (@samla/protocol's participantId, under another label) — so presence
 * cannot be matched to what someone wrote.
 */
export function presenceId(boardId: string): string {
  return toBase64UrlEncoded(
    digest(string.encodeUtf8(`samla-presence\u0000${boardId}\u0000${getDeviceKey()}`)).subarray(0, 16),
  )
}

export function presenceUser(boardId: string, name: string, organisationName: string): PresenceUser {
  const id = presenceId(boardId)
  return { id, name: name.trim(), organisation: organisationName.trim(), colour: colourFor(id) }
}

/** This person as others see them, following changes to the name and organisation. */
export function useProfile(): { readonly name: string; readonly organisation: string } {
  return { name: useDisplayName(), organisation: useOrganisation() }
}

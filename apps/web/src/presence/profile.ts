/**
 * How this person is shown to the others on a board: the display name (the one notes are signed
 * with, from lib/identity), their organisation or department, and a colour from their user id. The
 * name and organisation are remembered on this device, as is having answered the join question.
 */
import { useSyncExternalStore } from 'react'
import { getUserId, MAX_NAME_LENGTH, setDisplayName, useDisplayName } from '../lib/identity'
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

export function presenceUser(name: string, organisationName: string): PresenceUser {
  const id = getUserId()
  return { id, name: name.trim(), organisation: organisationName.trim(), colour: colourFor(id) }
}

/** This person as others see them, following changes to the name and organisation. */
export function useProfile(): { readonly name: string; readonly organisation: string } {
  return { name: useDisplayName(), organisation: useOrganisation() }
}

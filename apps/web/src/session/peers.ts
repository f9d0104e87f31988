/**
 * What other people's presence says, read defensively: awareness states come from any client, so
 * every field is checked and bounded before the UI uses it (a colour from our palette only, names
 * cut to length, a bounded list of well-formed note ids). Also the pure derivations the UI shows:
 * people grouped by organisation, and the marks on notes that others edit or have selected.
 */
import { MAX_AUTHOR_NAME_LENGTH, MAX_COORDINATE } from '@samla/board'
import type { Point } from '../lib/geometry'
import { colourFor, isPresenceColour, type PresenceColour } from './colours'

/** Most selected note ids one person shares: enough for marks, small enough for frequent messages. */
export const MAX_SHARED_SELECTION = 50
const NOTE_ID = /^[A-Za-z0-9_-]{8,64}$/

export interface PresenceUser {
  readonly id: string
  readonly name: string
  readonly organisation: string
  readonly colour: PresenceColour
}

export interface Peer {
  readonly clientId: number
  readonly user: PresenceUser
  /** World coordinates of the pointer over the canvas, or null when it is elsewhere. */
  readonly cursor: Point | null
  readonly selection: readonly string[]
  readonly editing: string | null
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : ''
}

function coordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE
}

function readUser(clientId: number, value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) return null
  const user = value as Record<string, unknown>
  const id = text(user.id, 64) || `client-${clientId}`
  return {
    id,
    name: text(user.name, MAX_AUTHOR_NAME_LENGTH),
    organisation: text(user.organisation, MAX_AUTHOR_NAME_LENGTH),
    colour: isPresenceColour(user.colour) ? user.colour : colourFor(id),
  }
}

function readCursor(value: unknown): Point | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y } = value as Record<string, unknown>
  return coordinate(x) && coordinate(y) ? { x, y } : null
}

function readNoteId(value: unknown): string | null {
  return typeof value === 'string' && NOTE_ID.test(value) ? value : null
}

function readSelection(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return []
  return value.slice(0, MAX_SHARED_SELECTION).flatMap((id) => readNoteId(id) ?? [])
}

/** A client's presence, or null when it shares none (another feature's fields only, or none at all). */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null
  const fields = state as Record<string, unknown>
  const user = readUser(clientId, fields.user)
  if (!user) return null
  return {
    clientId,
    user,
    cursor: readCursor(fields.cursor),
    selection: readSelection(fields.selection),
    editing: readNoteId(fields.editing),
  }
}

export interface Person extends PresenceUser {
  readonly self: boolean
}

export interface OrganisationGroup {
  /** Empty for people who gave no organisation. */
  readonly organisation: string
  readonly people: readonly Person[]
}

/**
 * One entry per person (several tabs of one person count once), grouped by organisation: groups and
 * names in Swedish alphabetical order (å, ä, ö last), people without an organisation at the end.
 */
export function groupPeople(peers: Iterable<Peer>, selfClientId: number, collator: Intl.Collator): OrganisationGroup[] {
  const people = new Map<string, Person>()
  for (const peer of peers) {
    const self = peer.clientId === selfClientId || people.get(peer.user.id)?.self === true
    people.set(peer.user.id, { ...peer.user, self })
  }
  const groups = new Map<string, Person[]>()
  for (const person of people.values()) {
    const key = person.organisation.toLocaleLowerCase('sv')
    groups.set(key, [...(groups.get(key) ?? []), person])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
    .map(([, members]) => {
      const people = members.sort((a, b) => collator.compare(a.name, b.name))
      // People may spell their organisation differently: the group shows the first person's spelling.
      return { organisation: people[0]?.organisation ?? '', people }
    })
}

export interface Mark {
  /** The awareness client the mark comes from: one per tab, so it also keys the mark. */
  readonly clientId: number
  readonly name: string
  readonly colour: PresenceColour
  readonly kind: 'editing' | 'selected'
}

/** For each note, who else is editing it or has it selected (editing wins for the same person). */
export function marksByNote(peers: Iterable<Peer>, selfClientId: number): Map<string, Mark[]> {
  const marks = new Map<string, Mark[]>()
  const add = (noteId: string, mark: Mark) => marks.set(noteId, [...(marks.get(noteId) ?? []), mark])
  for (const peer of peers) {
    if (peer.clientId === selfClientId) continue
    const { name, colour } = peer.user
    const { clientId } = peer
    if (peer.editing) add(peer.editing, { clientId, name, colour, kind: 'editing' })
    for (const id of peer.selection) if (id !== peer.editing) add(id, { clientId, name, colour, kind: 'selected' })
  }
  return marks
}

export function sameUser(a: PresenceUser, b: PresenceUser): boolean {
  return a.id === b.id && a.name === b.name && a.organisation === b.organisation && a.colour === b.colour
}

export function samePoint(a: Point | null, b: Point | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y)
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return (
    a.length === b.length &&
    a.every((mark, i) => {
      const other = b[i]
      return (
        mark.clientId === other?.clientId &&
        mark.name === other.name &&
        mark.colour === other.colour &&
        mark.kind === other.kind
      )
    })
  )
}

/** How often a cursor may be sent: 20 per second in a small group, less as the room fills up. */
export function cursorInterval(peerCount: number): number {
  return Math.min(1000, 50 * Math.max(1, Math.ceil(peerCount / 25)))
}

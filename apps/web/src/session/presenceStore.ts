/**
 * Presence over the board connection's Yjs awareness: shared with everyone on the board, never
 * stored. Publishes this person's own fields — `user`, `cursor`, `selection`, `editing` — one field
 * at a time (other features put their own fields in the same state, so it is never replaced whole),
 * and reads everyone's into snapshots for useSyncExternalStore. Awareness changes arrive at up to
 * hundreds per second on a full board, so they are gathered and published at most every 30 ms, and
 * people and marks are kept apart from cursors, which change far more often. Presence has a client
 * id of its own, not the board doc's, and only this tab's own entry is sent (see presenceChannel).
 * On an anonymous board, what the person works on — cursor, selection, the note being edited — is
 * not published at all: it would say who writes what.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type { Point } from '../lib/geometry'
import { createCursorPacer } from './cursorPacer'
import {
  cursorInterval,
  groupPeople,
  MAX_SHARED_SELECTION,
  type Mark,
  marksByNote,
  type OrganisationGroup,
  type Peer,
  type PresenceUser,
  readPeer,
  sameIds,
  sameMarks,
  samePoint,
  sameUser,
} from './peers'
import { openPresenceChannel } from './presenceChannel'

const FLUSH_MS = 30
const NO_MARKS: readonly Mark[] = []

export interface PeopleSnapshot {
  readonly groups: readonly OrganisationGroup[]
  readonly count: number
}

export interface PresenceStore {
  /** The board's presence, under this tab's own client id (never the board doc's). */
  readonly awareness: Awareness
  getPeople(): PeopleSnapshot
  getMarks(noteId: string): readonly Mark[]
  subscribePeople(listener: () => void): () => void
  /** Other people whose pointer is over the canvas. */
  getCursors(): readonly Peer[]
  subscribeCursors(listener: () => void): () => void
  setUser(user: PresenceUser): void
  setSelection(ids: readonly string[]): void
  setEditing(id: string | null): void
  moveCursor(point: Point | null): void
  /** Anonymous mode: cursor, selection and editing are withheld (published empty) while it is on. */
  setAnonymous(anonymous: boolean): void
  destroy(): void
}

type Field = 'user' | 'cursor' | 'selection' | 'editing'

export function createPresence(provider: WebsocketProvider): PresenceStore {
  const channel = openPresenceChannel(provider)
  const { awareness } = channel
  const self = awareness.clientID
  const collator = new Intl.Collator('sv', { sensitivity: 'base' })
  const peers = new Map<number, Peer>()
  const published = new Map<Field, unknown>()
  const peopleListeners = new Set<() => void>()
  const cursorListeners = new Set<() => void>()
  let people: PeopleSnapshot = { groups: [], count: 0 }
  let marks = new Map<string, readonly Mark[]>()
  let cursors: readonly Peer[] = []
  let peopleDirty = true
  let cursorsDirty = true
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  let anonymous = false
  // What the person works on, kept while anonymous mode withholds it.
  let selection: readonly string[] = []
  let editing: string | null = null

  const flush = () => {
    flushTimer = null
    if (peopleDirty) {
      peopleDirty = false
      const groups = groupPeople(peers.values(), self, collator)
      people = { groups, count: groups.reduce((sum, group) => sum + group.people.length, 0) }
      const next = new Map<string, readonly Mark[]>()
      for (const [id, list] of marksByNote(peers.values(), self)) {
        const before = marks.get(id)
        next.set(id, before && sameMarks(before, list) ? before : list)
      }
      marks = next
      for (const listener of peopleListeners) listener()
    }
    if (cursorsDirty) {
      cursorsDirty = false
      cursors = [...peers.values()].filter((peer) => peer.clientId !== self && peer.cursor)
      for (const listener of cursorListeners) listener()
    }
  }

  const read = (clientId: number) => {
    const before = peers.get(clientId)
    const next = readPeer(clientId, awareness.getStates().get(clientId))
    if (next) peers.set(clientId, next)
    else peers.delete(clientId)
    const userChanged = !before || !next || !sameUser(before.user, next.user)
    // Only others' cursors are drawn: this person's own moving pointer changes nothing on the screen.
    if (clientId !== self && (userChanged || !samePoint(before?.cursor ?? null, next?.cursor ?? null))) {
      cursorsDirty = true
    }
    // A cursor moving (by far the most frequent change) leaves the people list and the marks alone.
    if (userChanged || !sameIds(before.selection, next.selection) || before.editing !== next.editing) {
      peopleDirty = true
    }
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    for (const id of [...added, ...updated, ...removed]) read(id)
    flushTimer ??= setTimeout(flush, FLUSH_MS)
  }

  const publish = (field: Field, value: unknown) => {
    const encoded = JSON.stringify(value)
    if (JSON.stringify(published.get(field)) === encoded && awareness.getLocalState() !== null) return
    published.set(field, value)
    awareness.setLocalStateField(field, value)
  }

  const pacer = createCursorPacer({
    send: (point) => publish('cursor', point),
    backlog: () => provider.ws?.bufferedAmount ?? 0,
    interval: () => cursorInterval(peers.size),
  })

  // Leaving the page: others see this person go at once, not when the connection times out.
  const onPageHide = () => awareness.setLocalState(null)
  // Back from the browser's page cache: the state is empty (there is nothing of others' to
  // replace), so this person's own fields are put back.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || awareness.getLocalState() !== null) return
    awareness.setLocalState({})
    for (const [field, value] of published) awareness.setLocalStateField(field, value)
  }

  const publishWork = () => {
    publish('selection', anonymous ? [] : selection)
    publish('editing', anonymous ? null : editing)
  }

  for (const id of awareness.getStates().keys()) read(id)
  flush()
  awareness.on('change', onChange)
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', onPageShow)

  return {
    awareness,
    getPeople: () => people,
    getMarks: (noteId) => marks.get(noteId) ?? NO_MARKS,
    subscribePeople(listener) {
      peopleListeners.add(listener)
      return () => peopleListeners.delete(listener)
    },
    getCursors: () => cursors,
    subscribeCursors(listener) {
      cursorListeners.add(listener)
      return () => cursorListeners.delete(listener)
    },
    setUser: (user) => publish('user', user),
    setSelection(ids) {
      selection = ids.slice(0, MAX_SHARED_SELECTION)
      publishWork()
    },
    setEditing(id) {
      editing = id
      publishWork()
    },
    moveCursor(point) {
      if (!anonymous) pacer.move(point && { x: Math.round(point.x), y: Math.round(point.y) })
    },
    setAnonymous(next) {
      if (next === anonymous) return
      anonymous = next
      // The last position sent goes at once; a move the pacer still holds is replaced by none.
      if (anonymous) pacer.move(null)
      publishWork()
    },
    destroy() {
      pacer.destroy()
      channel.destroy()
      if (flushTimer) clearTimeout(flushTimer)
      awareness.off('change', onChange)
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('pageshow', onPageShow)
      peopleListeners.clear()
      cursorListeners.clear()
    },
  }
}

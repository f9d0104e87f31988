/**
 * Following the facilitator over awareness. The facilitator shares the world point at the centre of
 * their view and their zoom (`viewport`), so a follower with another screen size sees the same
 * place; "bring everyone to me" is a one-off `summon` with a counter and the relay time it was sent.
 * Awareness comes from any client, so everything read from it is checked first.
 */
import { MAX_COORDINATE } from '@samla/board'
import { MAX_ZOOM, MIN_ZOOM, type Size, screenToWorld, type Viewport } from '../lib/geometry'

export interface SharedView {
  /** World point at the centre of the sharer's view. */
  readonly x: number
  readonly y: number
  readonly zoom: number
}

export interface Summon extends SharedView {
  readonly count: number
  /** Relay-clock time it was sent: an old summon (seen on joining later) moves nobody. */
  readonly at: number
}

/** How long a summon moves the people who see it. */
export const SUMMON_FRESH_MS = 15_000

type AwarenessStates = ReadonlyMap<number, Record<string, unknown>>

function coordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE
}

export function readSharedView(value: unknown): SharedView | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y, zoom } = value as Record<string, unknown>
  if (!coordinate(x) || !coordinate(y) || typeof zoom !== 'number' || !(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
    return null
  }
  return { x, y, zoom }
}

export function readSummon(value: unknown): Summon | null {
  const view = readSharedView(value)
  if (!view) return null
  const { count, at } = value as Record<string, unknown>
  return Number.isSafeInteger(count) && typeof at === 'number' && Number.isFinite(at)
    ? { ...view, count: count as number, at }
    : null
}

export function sharedViewOf(viewport: Viewport, size: Size): SharedView {
  const centre = screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 })
  return { x: Math.round(centre.x), y: Math.round(centre.y), zoom: viewport.zoom }
}

/** The local viewport that puts the shared centre in the middle of this screen at the shared zoom. */
export function viewportShowing(view: SharedView, size: Size): Viewport {
  return { x: size.width / 2 - view.x * view.zoom, y: size.height / 2 - view.y * view.zoom, zoom: view.zoom }
}

/** The view to follow: the sharer with the lowest client id, so every follower picks the same one. */
export function leaderView(states: AwarenessStates, self: number): SharedView | null {
  let best: { id: number; view: SharedView } | null = null
  for (const [id, state] of states) {
    const view = id === self ? null : readSharedView(state.viewport)
    if (view && (!best || id < best.id)) best = { id, view }
  }
  return best?.view ?? null
}

/** Summons not yet acted on and still fresh; marks every summon seen, fresh or not. */
export function newSummons(states: AwarenessStates, self: number, seen: Set<string>, now: number): Summon[] {
  const fresh: Summon[] = []
  for (const [id, state] of states) {
    const summon = id === self ? null : readSummon(state.summon)
    if (!summon) continue
    const key = `${id}:${summon.count}`
    if (seen.has(key)) continue
    seen.add(key)
    if (Math.abs(now - summon.at) <= SUMMON_FRESH_MS) fresh.push(summon)
  }
  return fresh
}

/** Defensive reads of fields in a shared map: a peer may have left a field out or mistyped it. */
import type * as Y from 'yjs'

export function numberField(map: Y.Map<unknown>, key: string, fallback: number): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function stringField(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : ''
}

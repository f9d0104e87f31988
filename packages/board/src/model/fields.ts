/**
 * Defensive reads of a note's or cluster's fields: a peer may have left a field out, mistyped it or
 * put it out of range. A field that breaks its rule in entry-rules.ts reads as missing, so as its
 * default (SPEC [D3]); the entry itself is still read.
 */
import * as Y from 'yjs'
import { type FieldRule, fieldIsValid } from './entry-rules.js'

type Rules = Readonly<Record<string, FieldRule>>

/** The stored value of `key` when it keeps its rule, else undefined. */
export function validField(map: Y.Map<unknown>, rules: Rules, key: string): unknown {
  const rule = rules[key]
  const stored = map.get(key)
  return rule !== undefined && stored !== undefined && fieldIsValid(rule, stored) ? stored : undefined
}

export function numberField(map: Y.Map<unknown>, rules: Rules, key: string, fallback: number): number {
  const value = validField(map, rules, key)
  return typeof value === 'number' ? value : fallback
}

export function stringField(map: Y.Map<unknown>, rules: Rules, key: string): string {
  const value = validField(map, rules, key)
  return typeof value === 'string' ? value : ''
}

/** A shared-text field's text, or '' when it is missing, not a Y.Text, or too long. */
export function textField(map: Y.Map<unknown>, rules: Rules, key: string): string {
  const value = validField(map, rules, key)
  return value instanceof Y.Text ? value.toString() : ''
}

/**
 * The creation key a Samla server open to the internet asks for before it creates a board (the
 * relay's SAMLA_CREATION_KEY). Held for this page; kept on this device (localStorage) only when the
 * person ticks the box, and forgotten there when they untick it.
 */
import { create } from 'zustand'
import { readStored, removeStored, writeStored } from '../lib/storage'

const STORED_KEY = 'samla.creationKey'

/** Why the relay refused the last creation for its key, if it did. */
export type CreationKeyProblem = 'required' | 'invalid'

interface CreationKeyState {
  readonly key: string
  readonly remember: boolean
  /** The relay asked for a key (or one is kept on this device): the field is shown. */
  readonly asked: boolean
  readonly problem: CreationKeyProblem | null
  /** Bumped at each refusal, so the field takes focus again. */
  readonly refusals: number
  setKey(key: string): void
  setRemember(remember: boolean): void
  refused(problem: CreationKeyProblem): void
}

const kept = readStored(STORED_KEY) ?? ''

export const useCreationKey = create<CreationKeyState>()((set) => ({
  key: kept,
  remember: kept !== '',
  asked: kept !== '',
  problem: null,
  refusals: 0,
  setKey: (key) => set({ key, problem: null }),
  setRemember: (remember) => {
    set({ remember })
    if (!remember) removeStored(STORED_KEY)
  },
  refused: (problem) => set((state) => ({ asked: true, problem, refusals: state.refusals + 1 })),
}))

/** The key to send with a board creation, or undefined when none was given. */
export function creationKey(): string | undefined {
  return useCreationKey.getState().key.trim() || undefined
}

/**
 * After a creation: a refusal for the key shows the field; a key that worked is kept on this device
 * only if the person asked for it.
 */
export function afterCreation(outcome: { readonly ok: true } | { readonly ok: false; readonly code: string }): void {
  const state = useCreationKey.getState()
  if (!outcome.ok) {
    if (outcome.code === 'creation-key-required') state.refused('required')
    if (outcome.code === 'creation-key-invalid') state.refused('invalid')
    return
  }
  const key = creationKey()
  if (key && state.remember) writeStored(STORED_KEY, key)
  else removeStored(STORED_KEY)
}

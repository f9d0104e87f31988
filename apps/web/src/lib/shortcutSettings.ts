/**
 * Whether the single-key shortcuts (N for a new note, ? for the list of shortcuts) are on — they can
 * be switched off (WCAG 2.1.4), since speech input and stray key presses would otherwise trigger
 * them — remembered on this device; and whether the list of shortcuts is open.
 */
import { create } from 'zustand'
import { readStored, writeStored } from './storage'

const KEY = 'samla.singleKeyShortcuts'

interface ShortcutState {
  readonly singleKeys: boolean
  readonly helpOpen: boolean
}

export const useShortcuts = create<ShortcutState>()(() => ({ singleKeys: readStored(KEY) !== 'off', helpOpen: false }))

export function setSingleKeys(on: boolean): void {
  writeStored(KEY, on ? 'on' : 'off')
  useShortcuts.setState({ singleKeys: on })
}

export function setHelpOpen(helpOpen: boolean): void {
  useShortcuts.setState({ helpOpen })
}

/** A plain key press (no modifier, not held down, not composing) that a single-key shortcut may take. */
export function isSingleKey(event: KeyboardEvent): boolean {
  return useShortcuts.getState().singleKeys && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing
}

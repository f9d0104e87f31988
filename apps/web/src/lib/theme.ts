/**
 * Light or dark: by default the device's choice (prefers-color-scheme), or a choice made here and
 * remembered on this device. The choice is an attribute on <html> that the CSS tokens follow.
 */
import { create } from 'zustand'
import { readStored, writeStored } from './storage'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

const KEY = 'samla.theme'

function stored(): Theme {
  const value = readStored(KEY)
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system'
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
}

export const useTheme = create<{ readonly theme: Theme }>()(() => ({ theme: stored() }))

export function setTheme(theme: Theme): void {
  writeStored(KEY, theme)
  apply(theme)
  useTheme.setState({ theme })
}

/** Applied before the first render, so a dark page never flashes light. */
export function applyStoredTheme(): void {
  apply(stored())
}

/**
 * Whether the screen is a phone's or a portrait tablet's: there the header folds its tools into one
 * menu. The width matches the CSS's narrow-screen rules (56rem), so markup and styles switch together.
 */
import { useSyncExternalStore } from 'react'

export const NARROW_SCREEN = '(max-width: 56rem)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_SCREEN)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Now, outside React; false where there is no window (unit tests in Node). */
export function isNarrowScreen(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_SCREEN).matches
  )
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, isNarrowScreen)
}

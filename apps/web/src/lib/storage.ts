/**
 * Web storage that never throws: private modes and full quotas must not break the app, only forget.
 * 'local' lasts on this device; 'session' lasts for this tab (and its reloads) only.
 */
type Area = 'local' | 'session'

function area(which: Area): Storage {
  return which === 'session' ? sessionStorage : localStorage
}

export function readStored(key: string, which: Area = 'local'): string | null {
  try {
    return area(which).getItem(key)
  } catch {
    return null
  }
}

export function writeStored(key: string, value: string, which: Area = 'local'): void {
  try {
    area(which).setItem(key, value)
  } catch {
    // Remembering is a convenience; the app works the same without it.
  }
}

export function removeStored(key: string, which: Area = 'local'): void {
  try {
    area(which).removeItem(key)
  } catch {
    // Nothing stored, nothing to forget.
  }
}

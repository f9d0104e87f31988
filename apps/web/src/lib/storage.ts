/** localStorage that never throws: private modes and full quotas must not break the app, only forget. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Remembering is a convenience; the app works the same without it.
  }
}

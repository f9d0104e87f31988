/**
 * Saving a file the app has in memory (an export fetched with the token in a header, or a drawn
 * image): a Blob URL clicked through an <a download>, so no token or data ever sits in an address.
 */

/** The name a Content-Disposition header gives, preferring the UTF-8 form (å, ä, ö kept). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // A malformed escape falls back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header)
  return plain?.[1]?.trim() || null
}

const MAX_NAME_LENGTH = 100

/** A file name from a board title: characters file systems refuse are replaced, the length is bounded. */
export function fileSafeName(title: string, extension: string, fallback = 'board'): string {
  const cleaned = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must go.
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const stem = [...cleaned].slice(0, MAX_NAME_LENGTH).join('') || fallback
  return `samla-${stem}.${extension}`
}

/** Hands a blob to the browser as a download with the given name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Saving a file the app has in memory (an export fetched with the token in a header, or a drawn
 * image): a Blob URL clicked through an <a download>, so no token or data ever sits in an address.
 */

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

/**
 * Saving a file the app has in memory (an export fetched with the token in a header, or a drawn
 * image): a Blob URL clicked through an <a download>, so no token or data ever sits in an address.
 */

const MAX_SLUG_LENGTH = 60
const two = (n: number) => String(n).padStart(2, '0')

/**
 * An export's file name: the board's title as a slug, an optional tag for the kind of export, and the
 * local date and time, so every export kind and every export of the day gets a name of its own:
 * "Kiruna 2030" at 09:15 on 7 December 2026 → `kiruna-2030-2026-12-07-0915.csv`. Letters such as å, ä
 * and ö are kept; everything else that is no letter or digit becomes a hyphen.
 */
export function exportFileName(title: string, extension: string, at: Date, fallback: string, tag = ''): string {
  const slugOf = (text: string) =>
    [
      ...text
        .normalize('NFC')
        .toLocaleLowerCase('sv')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    ]
      .slice(0, MAX_SLUG_LENGTH)
      .join('')
      .replace(/-+$/, '')
  const stamp = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`
  return [slugOf(title) || slugOf(fallback), slugOf(tag), stamp].filter(Boolean).join('-') + `.${extension}`
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

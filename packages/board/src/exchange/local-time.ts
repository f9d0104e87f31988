/**
 * A moment as people in one place read it: the local date and minute in an IANA time zone, with the
 * zone's short name (`2026-12-07 09:15 (CET)`), so a spreadsheet from a workshop in Kiruna shows the
 * times the notes were written there, and says which zone that is.
 */
import { BoardError } from '../model/errors.js'

const formats = new Map<string, Intl.DateTimeFormat>()

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    try {
      // en-GB for the zone's name: ASCII signs in offsets ("GMT-4"), where sv-SE writes a minus sign.
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        timeZoneName: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
    } catch {
      throw new BoardError('invalid-time-zone', `${JSON.stringify(timeZone)} is not a known time zone`)
    }
    formats.set(timeZone, format)
  }
  return format
}

/** Whether `timeZone` is an IANA zone this runtime knows (e.g. "Europe/Stockholm", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatIn(timeZone)
    return true
  } catch {
    return false
  }
}

/** `ms` since the epoch as "YYYY-MM-DD HH:MM (zone)" in `timeZone`. */
export function localTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${parts.timeZoneName})`
}

/** Sizes and percentages written the way the UI language writes them (e.g. "1,2 MB" in Swedish). */

export function formatBytes(bytes: number, locale: string | undefined): string {
  const megabytes = bytes >= 1_000_000
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / (megabytes ? 1_000_000 : 1000))
}

export function formatPercent(fraction: number, locale: string | undefined): string {
  return new Intl.NumberFormat(locale, { style: 'percent' }).format(Math.min(1, Math.max(0, fraction)))
}

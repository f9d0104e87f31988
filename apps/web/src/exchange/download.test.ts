/** Tests for naming downloads. */
import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from '../api/http'
import { exportFileName } from './download'

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name the relay sends beside the ASCII one', () => {
    const header = `attachment; filename="samla-Var-ar-vi.csv"; filename*=UTF-8''${encodeURIComponent('samla-Vår är vi?.csv')}`
    expect(filenameFromDisposition(header)).toBe('samla-Vår är vi?.csv')
  })

  it('falls back to the plain name, quoted or not', () => {
    expect(filenameFromDisposition('attachment; filename="samla-Retro.md"')).toBe('samla-Retro.md')
    expect(filenameFromDisposition('attachment; filename=samla.json')).toBe('samla.json')
    expect(filenameFromDisposition(`attachment; filename="a.csv"; filename*=UTF-8''%E0%A4%A`)).toBe('a.csv')
  })

  it('gives null without a name', () => {
    expect(filenameFromDisposition(null)).toBeNull()
    expect(filenameFromDisposition('attachment')).toBeNull()
  })
})

describe('exportFileName', () => {
  // Local time: the test runs in the machine's zone, and so does the name.
  const at = new Date(2026, 11, 7, 9, 15)

  it('[WX7] names each export kind by the board title and the local date and time', () => {
    expect(exportFileName('Kiruna 2030', 'png', at, 'tavla')).toBe('kiruna-2030-2026-12-07-0915.png')
    expect(exportFileName('Kiruna 2030', 'png', at, 'tavla', 'vy')).toBe('kiruna-2030-vy-2026-12-07-0915.png')
    expect(exportFileName('Kiruna 2030', 'csv', at, 'tavla')).toBe('kiruna-2030-2026-12-07-0915.csv')
    expect(exportFileName('Framtidens e-tjänster: "Mål" / 2030 🌱', 'md', at, 'tavla')).toBe(
      'framtidens-e-tjänster-mål-2030-2026-12-07-0915.md',
    )
    expect(exportFileName(' ?? ', 'json', at, 'tavla')).toBe('tavla-2026-12-07-0915.json')
    expect(exportFileName('x'.repeat(500), 'csv', at, 'tavla').length).toBeLessThan(90)
  })
})

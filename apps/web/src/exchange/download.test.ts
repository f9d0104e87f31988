/** Tests for naming downloads. */
import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from '../api/http'
import { fileSafeName } from './download'

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

describe('fileSafeName', () => {
  it('keeps Swedish letters and emoji but not path separators or reserved characters', () => {
    expect(fileSafeName('Mål: 2030 / "Grön" stad 🌱', 'png')).toBe('samla-Mål 2030 Grön stad 🌱.png')
  })

  it('falls back for an empty or dotted title and bounds the length', () => {
    expect(fileSafeName('  ', 'png')).toBe('samla-board.png')
    expect(fileSafeName('..', 'png', 'tavla')).toBe('samla-tavla.png')
    expect(fileSafeName('x'.repeat(300), 'png')).toHaveLength('samla-.png'.length + 100)
  })
})

/** Tests for drawing QR codes as SVG paths. */
import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrShape } from './qr'

/** Paints the path's runs back into a grid, to compare with the encoder's own modules. */
function paint(path: string, size: number): boolean[] {
  const grid = new Array<boolean>(size * size).fill(false)
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(width); i++) grid[Number(y) * size + Number(x) + i] = true
  }
  return grid
}

describe('qrShape', () => {
  const link = 'https://samla.example/b/AbCdEfGhIjKlMnOpQrSt#token=v1.AbCdEfGhIjKlMnOpQrSt.participant.1.abc'

  it('draws exactly the dark modules of the code', () => {
    const { size, path } = qrShape(link)
    const { modules } = create(link, { errorCorrectionLevel: 'M' })
    expect(size).toBe(modules.size)
    expect(paint(path, size)).toEqual([...modules.data].map((bit) => bit === 1))
  })

  it('gives different codes for different links', () => {
    expect(qrShape(`${link}1`).path).not.toBe(qrShape(link).path)
  })
})

/**
 * A QR code as one SVG path, computed here from the text (qrcode's encoder), so the code is drawn
 * locally and crisply at any size — nothing is fetched from a QR service.
 */
import { create } from 'qrcode'

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  readonly size: number
  /** Dark modules as horizontal runs, in module units. */
  readonly path: string
}

export function qrShape(text: string): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const { size } = modules
  let path = ''
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < size && modules.get(row, col)) col++
      path += `M${start} ${row}h${col - start}v1h${start - col}z`
    }
  }
  return { size, path }
}

/**
 * The participant link as a QR code: large by default, and enlargeable to fill most of the screen
 * for a projector. Dark modules on white with the standard quiet zone, in every colour scheme. The
 * encoder is loaded only when a code is shown (the share dialog, a projector's join screen), not by
 * every participant.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QrShape } from './qr'

const QUIET_ZONE = 4

function useQrShape(text: string): QrShape | null {
  const [shape, setShape] = useState<QrShape | null>(null)
  useEffect(() => {
    let current = true
    import('./qr').then(
      ({ qrShape }) => {
        if (current) setShape(qrShape(text))
      },
      () => {
        // Offline with a fresh build: the links above still work without the code.
      },
    )
    return () => {
      current = false
    }
  }, [text])
  return shape
}

/** `enlargeable`: offers the button that enlarges the code (a projector's join screen shows it large already). */
export function QrCode({ text, enlargeable = true }: { readonly text: string; readonly enlargeable?: boolean }) {
  const { t } = useTranslation()
  const [large, setLarge] = useState(false)
  const shape = useQrShape(text)
  if (!shape) return null
  const side = shape.size + QUIET_ZONE * 2
  return (
    <figure className={`qr${large ? ' qr--large' : ''}`}>
      <svg
        className="qr-code"
        viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
        role="img"
        aria-label={t('share.qrLabel')}
        shapeRendering="crispEdges"
      >
        <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
        <path d={shape.path} fill="#000" />
      </svg>
      <figcaption>{t('share.qrCaption')}</figcaption>
      {enlargeable && (
        <button type="button" className="button button--quiet" aria-pressed={large} onClick={() => setLarge(!large)}>
          {t('share.qrEnlarge')}
        </button>
      )}
    </figure>
  )
}

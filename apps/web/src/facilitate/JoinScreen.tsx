/**
 * What the projector shows while the facilitator lets people join: the participant link as a large QR
 * code and as text. The token comes from the control doc, where the facilitator put it for this
 * (a viewer cannot fetch the links itself).
 */
import { useTranslation } from 'react-i18next'
import { boardLink } from '../access/boardLink'
import { useBoard } from '../session/BoardContext'
import { QrCode } from './QrCode'

export function JoinScreen({ token }: { readonly token: string }) {
  const { t } = useTranslation()
  const { boardId } = useBoard()
  const url = boardLink(location.origin, boardId, token)
  return (
    <section className="join-screen" aria-labelledby="join-screen-heading">
      <h2 id="join-screen-heading">{t('presentation.join.heading')}</h2>
      <p className="join-screen-scan">{t('presentation.join.scan')}</p>
      <QrCode text={url} enlargeable={false} />
      <p className="join-screen-link">
        {t('presentation.join.orOpen')} <span className="join-screen-url">{url}</span>
      </p>
    </section>
  )
}

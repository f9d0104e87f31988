/**
 * What the projector shows while the facilitator lets people join: the participant link as a large QR
 * code and, to type, its short link (`host/j/K7M4-PQ2X`) in large type. The token and the code come
 * from the control doc, where the facilitator put them for this (a viewer cannot fetch them itself).
 * A join screen put up without a code (by an app from before codes) shows the full link instead.
 */
import { formatJoinCode } from '@samla/board'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../access/boardLink'
import { useBoard } from '../session/BoardContext'
import { QrCode } from './QrCode'

export function JoinScreen({ token, code }: { readonly token: string; readonly code: string | null }) {
  const { t } = useTranslation()
  const { boardId } = useBoard()
  const url = boardLink(location.origin, boardId, token)
  return (
    <section className="join-screen" aria-labelledby="join-screen-heading">
      <h2 id="join-screen-heading">{t('presentation.join.heading')}</h2>
      <p className="join-screen-scan">{t('presentation.join.scan')}</p>
      <QrCode text={url} enlargeable={false} />
      {code ? (
        <p className="join-screen-link join-screen-link--short">
          {t('presentation.join.orType')}{' '}
          {/* Never broken inside the code; a long host name goes onto a line of its own. */}
          <span className="join-screen-short">
            <span>{location.host}</span>
            <wbr />
            <span>{`/j/${formatJoinCode(code)}`}</span>
          </span>
        </p>
      ) : (
        <p className="join-screen-link">
          {t('presentation.join.orOpen')} <span className="join-screen-url">{url}</span>
        </p>
      )}
    </section>
  )
}

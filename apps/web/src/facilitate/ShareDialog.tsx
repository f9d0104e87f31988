/**
 * The facilitator's share dialog: the participant link (with a QR code for the room), the viewer
 * link for a projector and the facilitator's own link, each explained, copyable and — except the
 * facilitator's — replaceable. The links are fetched from the relay each time, so a facilitator on
 * another device sees the current ones.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../access/boardLink'
import type { BoardLinks, RotatableRole } from '@samla/protocol'
import { fetchLinks, rotateLink } from '../api/links'
import { useBoard } from '../session/BoardContext'
import { Dialog } from '../components/Dialog'
import { QrCode } from './QrCode'
import { ShareLink } from './ShareLink'

type LinksState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly links: BoardLinks }

function ShareLinks({
  announce,
  onRetry,
}: {
  readonly announce: (message: string) => void
  readonly onRetry: () => void
}) {
  const { t } = useTranslation()
  const { boardId, token } = useBoard()
  const [state, setState] = useState<LinksState>({ status: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    fetchLinks(boardId, token, controller.signal).then(
      (links) => setState({ status: 'ready', links }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' })
      },
    )
    return () => controller.abort()
  }, [boardId, token])

  if (state.status === 'loading') return <p className="muted">{t('share.loading')}</p>
  if (state.status === 'failed') {
    return (
      <div className="share-failed">
        <p className="form-error">{t('share.failed')}</p>
        <button type="button" className="button" onClick={onRetry}>
          {t('share.retry')}
        </button>
      </div>
    )
  }
  const { links } = state
  const url = (linkToken: string) => boardLink(location.origin, boardId, linkToken)
  const rotate = (role: RotatableRole) => ({
    role,
    run: async () => {
      const next = await rotateLink(boardId, role, token)
      setState((current) =>
        current.status === 'ready' ? { ...current, links: { ...current.links, [role]: next } } : current,
      )
      announce(t(`share.${role}.rotated`))
    },
  })
  return (
    <div className="share-links">
      <ShareLink linkRole="participant" url={url(links.participant)} announce={announce} rotate={rotate('participant')}>
        <QrCode text={url(links.participant)} />
      </ShareLink>
      <ShareLink linkRole="viewer" url={url(links.viewer)} announce={announce} rotate={rotate('viewer')} />
      <ShareLink linkRole="facilitator" url={url(links.facilitator)} announce={announce} />
    </div>
  )
}

export function ShareDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation()
  const [attempt, setAttempt] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  return (
    <Dialog heading={t('share.heading')} className="dialog--share" onClose={onClose}>
      {(close) => (
        <>
          <p>{t('share.intro')}</p>
          <ShareLinks key={attempt} announce={setAnnouncement} onRetry={() => setAttempt(attempt + 1)} />
          <p className="share-status" role="status">
            {announcement}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('share.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

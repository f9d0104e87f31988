/**
 * The facilitator's share dialog: the participant link (with a QR code for the room), the viewer
 * link for a projector and the facilitator's own link, each explained, copyable and replaceable,
 * and whether this device remembers the board. The links are fetched from the relay each time, so a
 * facilitator on another device sees the current ones. Replacing their own link reopens the board
 * in this tab with the new one, and shuts out everyone else who held the old one.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../access/boardLink'
import { switchLinkToken } from '../access/linkToken'
import type { BoardLinks, RotatableRole } from '@samla/protocol'
import { fetchLinks, rotateLink } from '../api/links'
import { useBoard } from '../session/BoardContext'
import { Dialog } from '../components/Dialog'
import { renewJoinScreen } from './joinScreenLink'
import { KeepOnDevice } from './KeepOnDevice'
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
  const session = useBoard()
  const { boardId, token, connection } = session
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
  // The facilitator's own link is replaced by rotateOwn, which also reopens this tab.
  const rotate = (role: Exclude<RotatableRole, 'facilitator'>) => ({
    role,
    run: async () => {
      const next = await rotateLink(boardId, role, token)
      if (role === 'participant') await renewJoinScreen(session, next)
      setState((current) =>
        current.status === 'ready' ? { ...current, links: { ...current.links, [role]: next } } : current,
      )
      announce(t(`share.${role}.rotated`))
    },
  })
  const rotateOwn = {
    role: 'facilitator' as const,
    run: async () => {
      // This tab leaves first: the relay closes every socket of the old link with 4401, which would
      // otherwise end this tab's access too.
      connection.suspend()
      let next: string
      try {
        next = await rotateLink(boardId, 'facilitator', token)
      } catch (error) {
        connection.retry()
        throw error
      }
      // The board reopens in this tab with the new link (and says so).
      switchLinkToken(boardId, next)
    },
  }
  return (
    <div className="share-links">
      <ShareLink linkRole="participant" url={url(links.participant)} announce={announce} rotate={rotate('participant')}>
        <QrCode text={url(links.participant)} />
      </ShareLink>
      <ShareLink linkRole="viewer" url={url(links.viewer)} announce={announce} rotate={rotate('viewer')} />
      <ShareLink linkRole="facilitator" url={url(links.facilitator)} announce={announce} rotate={rotateOwn}>
        <KeepOnDevice />
      </ShareLink>
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

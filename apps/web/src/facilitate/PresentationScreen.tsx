/**
 * An open board as the projector shows it: the title, the phase and the timer in large type over the
 * board, and nothing for editing (no toolbar, search, shortcuts, panels, colour menus or other
 * people's cursors and selection names). Someone presenting who is not the facilitator follows the
 * facilitator's view. While the facilitator lets people join, the join screen takes the board's
 * place. One quiet button leaves the presentation (a viewer on a laptop may want the ordinary view).
 * The screen above passes the connection status, so a room sees when the projector has lost the relay.
 */
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LiveAnnouncer } from '../announce/LiveAnnouncer'
import { Canvas } from '../canvas/Canvas'
import { useBoard } from '../session/BoardContext'
import { setPresenting } from '../session/presenting'
import { useControlState } from '../session/useControl'
import { PresentationTimer } from '../timer/PresentationTimer'
import { JoinScreen } from './JoinScreen'

function useFollowFacilitator(): void {
  const { role, facilitationUi } = useBoard()
  useEffect(() => {
    if (role !== 'facilitator') facilitationUi.getState().setFollowing(true)
  }, [role, facilitationUi])
}

export function PresentationScreen({ title, status }: { readonly title: string; readonly status: ReactNode }) {
  const { t } = useTranslation()
  const session = useBoard()
  const { phase, joinToken, joinCode } = useControlState()
  useFollowFacilitator()
  return (
    <div className="presentation">
      <header className="presentation-bar">
        <h1 className="presentation-title">{title || t('board.untitled')}</h1>
        <p className="presentation-phase">
          <span className="visually-hidden">{t('presentation.phase')}: </span>
          {t(`facilitation.phase.${phase}`)}
        </p>
        <PresentationTimer />
        {status}
        <button
          type="button"
          className="button button--quiet presentation-leave"
          onClick={() => setPresenting(session, false)}
        >
          {t('presentation.leave')}
        </button>
      </header>
      <main id="main" tabIndex={-1} className="presentation-main">
        {joinToken ? <JoinScreen token={joinToken} code={joinCode} /> : <Canvas />}
      </main>
      <LiveAnnouncer />
    </div>
  )
}

/**
 * The strip under the header that runs the session for everyone: the phases, the timer, the vote,
 * whether writing is private or anonymous, following the facilitator, the results, presenting (for
 * a projector: viewers and the facilitator), and for the facilitator the button that shows or hides their panel. Dialogs opened from the canvas live here,
 * outside it, so presses in them never reach the canvas's pan and drag handling.
 */
import { useTranslation } from 'react-i18next'
import { useBoard, useFacilitationUi } from '../session/BoardContext'
import { ClusterToolsDialog } from '../clusters/ClusterTools'
import { ResultsDialog } from '../results/ResultsDialog'
import { TimerDisplay } from '../timer/TimerDisplay'
import { VoteStatus } from '../voting/VoteStatus'
import { PhaseSteps } from './PhaseSteps'
import { setPresenting } from '../session/presenting'
import { useControlState } from '../session/useControl'

function ModeBadges() {
  const { t } = useTranslation()
  const { role } = useBoard()
  const { privateMode, anonymous } = useControlState()
  return (
    <div className="mode-badges" role="status">
      {privateMode && (
        <span className="mode-badge" data-mode="private">
          {role === 'participant' ? t('facilitation.private.onParticipant') : t('facilitation.private.on')}
        </span>
      )}
      {anonymous && (
        <span className="mode-badge" data-mode="anonymous">
          {t('facilitation.anonymous.on')}
        </span>
      )}
    </div>
  )
}

export function SessionBar() {
  const { t } = useTranslation()
  const session = useBoard()
  const { role, facilitationUi } = session
  const following = useFacilitationUi((state) => state.following)
  const panelOpen = useFacilitationUi((state) => state.panelOpen)
  const resultsOpen = useFacilitationUi((state) => state.resultsOpen)
  const toolsFor = useFacilitationUi((state) => state.toolsFor)
  const ui = facilitationUi.getState()
  return (
    <section className="session-bar" aria-label={t('facilitation.bar.label')}>
      <PhaseSteps />
      <TimerDisplay />
      <VoteStatus />
      <ModeBadges />
      <div className="session-bar-end">
        {role !== 'participant' && (
          <button type="button" className="button button--quiet" onClick={() => setPresenting(session, true)}>
            {t('presentation.enter')}
          </button>
        )}
        {role !== 'facilitator' && (
          <button
            type="button"
            className="button button--quiet"
            aria-pressed={following}
            onClick={() => ui.setFollowing(!following)}
          >
            {t('facilitation.follow.toggle')}
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          aria-haspopup="dialog"
          onClick={() => ui.setResultsOpen(true)}
        >
          {t('facilitation.results.open')}
        </button>
        {role === 'facilitator' && (
          <button
            type="button"
            className="button"
            aria-expanded={panelOpen}
            aria-controls="facilitator-panel"
            onClick={() => ui.setPanelOpen(!panelOpen)}
          >
            {t('facilitation.panel.toggle')}
          </button>
        )}
      </div>
      {resultsOpen && <ResultsDialog onClose={() => ui.setResultsOpen(false)} />}
      {toolsFor && <ClusterToolsDialog key={toolsFor} id={toolsFor} />}
    </section>
  )
}

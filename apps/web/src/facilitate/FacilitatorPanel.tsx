/**
 * The facilitator's panel beside the canvas: a complementary landmark with a heading, grouping the
 * controls that run the session — timer, silent brainstorm and reveal, vote, the board's writing
 * rules, bringing everyone to the facilitator's view, and the projector.
 */
import { setAnonymous, setParticipantsMayCluster } from '@samla/board'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { PrivatePanel } from '../private/PrivatePanel'
import { useBoard, useFacilitationUi } from '../session/BoardContext'
import { controlWrite } from '../session/controlWrite'
import { useControlState } from '../session/useControl'
import { StackPanel } from '../stacks/StackPanel'
import { TimerPanel } from '../timer/TimerPanel'
import { VotePanel } from '../voting/VotePanel'
import { ProjectorSection } from './ProjectorSection'
import { RetentionNotice } from './RetentionNotice'
import { summonEveryone } from './useFollow'

function RulesSection() {
  const { t } = useTranslation()
  const session = useBoard()
  const { anonymous, participantsMayCluster } = useControlState()
  const headingId = useId()
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('facilitation.rules.heading')}</h3>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(event) => {
            const on = event.currentTarget.checked
            controlWrite(session, () => setAnonymous(session.controlDoc, on))
          }}
        />
        {t('facilitation.anonymous.mode')}
      </label>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={participantsMayCluster}
          onChange={(event) => {
            const on = event.currentTarget.checked
            controlWrite(session, () => setParticipantsMayCluster(session.controlDoc, on))
          }}
        />
        {t('facilitation.rules.mayCluster')}
      </label>
    </section>
  )
}

function ViewSection() {
  const { t } = useTranslation()
  const session = useBoard()
  const headingId = useId()
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('facilitation.follow.heading')}</h3>
      <button type="button" className="button" onClick={() => summonEveryone(session)}>
        {t('facilitation.follow.summon')}
      </button>
      <p className="panel-hint">{t('facilitation.follow.hint')}</p>
    </section>
  )
}

export function FacilitatorPanel() {
  const { t } = useTranslation()
  const open = useFacilitationUi((state) => state.panelOpen)
  const headingId = useId()
  return (
    <aside id="facilitator-panel" className="facilitator-panel" aria-labelledby={headingId} hidden={!open}>
      <h2 id={headingId}>{t('facilitation.panel.heading')}</h2>
      <RetentionNotice />
      <TimerPanel />
      <PrivatePanel />
      <StackPanel />
      <VotePanel />
      <RulesSection />
      <ViewSection />
      <ProjectorSection />
    </aside>
  )
}

/**
 * The facilitator's switch that shows the ranked results on the board for everyone (through the
 * control doc). Showing them reveals the dots to everyone, in the same change: badges nobody may
 * see would show nothing.
 */
import { revealVotes, setResultsOnBoard } from '@samla/board'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { controlWrite } from '../session/controlWrite'
import { useControlState } from '../session/useControl'

export function ResultsOnBoardToggle() {
  const { t } = useTranslation()
  const session = useBoard()
  const { resultsOnBoard, vote } = useControlState()
  const hintId = useId()
  return (
    <>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={resultsOnBoard}
          aria-describedby={hintId}
          onChange={(event) => {
            const on = event.currentTarget.checked
            controlWrite(session, () =>
              session.controlDoc.transact(() => {
                if (on && !vote.revealed) revealVotes(session.controlDoc)
                setResultsOnBoard(session.controlDoc, on)
              }),
            )
          }}
        />
        {t('presentation.projector.results')}
      </label>
      <p id={hintId} className="panel-hint">
        {t('presentation.projector.resultsHint')}
      </p>
    </>
  )
}

/**
 * What the join screen shows, written into the control doc by the facilitator's app: the participant
 * link's token and its short join code, fetched from the relay (a viewer cannot fetch either).
 */
import { readControl, setJoinToken } from '@samla/board'
import { fetchJoinCode, fetchLinks } from '../api/links'
import { controlWrite } from '../session/controlWrite'
import type { BoardSession } from '../session/session'

const timeout = () => AbortSignal.timeout(15_000)

/** Puts the join screen up with the current participant link: one replaced since would let nobody in. */
export async function showJoinScreen(session: BoardSession): Promise<void> {
  const signal = timeout()
  const [links, code] = await Promise.all([
    fetchLinks(session.boardId, session.token, signal),
    fetchJoinCode(session.boardId, session.token, signal),
  ])
  controlWrite(session, () => setJoinToken(session.controlDoc, links.participant, code))
}

/**
 * After the participant link was replaced, a join screen that is up shows the new link and its new
 * code instead of the dead ones; without the code (the relay did not answer) it shows the full link.
 */
export async function renewJoinScreen(session: BoardSession, participantToken: string): Promise<void> {
  if (readControl(session.controlDoc).joinToken === null) return
  const code = await fetchJoinCode(session.boardId, session.token, timeout()).catch(() => null)
  controlWrite(session, () => setJoinToken(session.controlDoc, participantToken, code))
}

/**
 * Which facilitation tools a person has right now, from their role and the control doc: the phase
 * decides what participants do (write, then cluster, then vote), the facilitator's settings narrow
 * it, and the lock and the viewer role close everything. Facilitators keep writing and clustering
 * in every phase, since they tidy the board while the others work.
 */
import type { ControlState } from '@samla/board'
import { mayEdit, type Role } from '@samla/protocol'

export interface FacilitationTools {
  /** New notes may be written. */
  readonly addNotes: boolean
  /** Clusters may be made and changed, and notes dragged into and out of them. */
  readonly cluster: boolean
  /** Dots may be placed and taken back. */
  readonly vote: boolean
}

const NO_TOOLS: FacilitationTools = { addNotes: false, cluster: false, vote: false }

export function toolsFor(role: Role, control: ControlState): FacilitationTools {
  if (!mayEdit(role, control.locked)) return NO_TOOLS
  const vote = control.phase === 'vote' && control.vote.open && !control.vote.closed
  if (role === 'facilitator') return { addNotes: true, cluster: true, vote }
  return {
    addNotes: control.phase === 'write',
    cluster: control.phase === 'cluster' && control.participantsMayCluster,
    vote,
  }
}

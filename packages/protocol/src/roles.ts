/**
 * The three capabilities a board link can carry, and what each may do. The relay enforces these;
 * the web app mirrors them so nobody is offered a control that would be refused.
 */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Higher means more capable: a device keeps the most capable link it has seen for a board. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role)
}

/** The two docs of a board: the shared board, and the facilitator's control doc. */
export type DocKind = 'board' | 'control'

/** Write access before the lock is considered: viewers write nothing, participants only the board. */
export function mayWrite(role: Role, kind: DocKind): boolean {
  if (role === 'facilitator') return true
  return role === 'participant' && kind === 'board'
}

/** Viewers never write; participants write while the board is unlocked; facilitators always. */
export function mayEdit(role: Role, locked: boolean): boolean {
  return role === 'facilitator' || (role === 'participant' && !locked)
}

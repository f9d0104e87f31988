/**
 * The three capabilities a board link can carry, and what each may do. The relay enforces these;
 * the UI mirrors them so nobody is offered a control that would be refused.
 */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Viewers never write; participants write while the board is unlocked; facilitators always. */
export function mayEdit(role: Role, locked: boolean): boolean {
  return role === 'facilitator' || (role === 'participant' && !locked)
}

/** Higher means more capable: a device keeps the most capable link it has seen for a board. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role)
}

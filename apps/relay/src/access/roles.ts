/** Who may do what on a board. Enforced per connection and per doc, never per update. */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** The two docs of a board: the shared board, and the facilitator's control doc. */
export type DocKind = 'board' | 'control'

/** Write access before the lock is considered: viewers write nothing, participants only the board. */
export function mayWrite(role: Role, kind: DocKind): boolean {
  if (role === 'facilitator') return true
  return role === 'participant' && kind === 'board'
}

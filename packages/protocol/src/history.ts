/** Why a board's history snapshot was taken: the relay stores the reason, the web app names it. */
export const HISTORY_REASONS = [
  'scheduled',
  'before-import',
  'before-reveal',
  'before-restore',
  /** Taken by the relay before it repairs a board stored with malformed entries. */
  'before-repair',
  /** Taken by the relay before it moves the ballots a board kept in its doc into its own storage. */
  'before-vote-move',
  /** Taken by the relay of each board merged into a new one, as it is read. */
  'before-merge',
  /** Taken by the relay of a merged board before it removes the copies of a deleted source board. */
  'before-erasure',
  'manual',
] as const

export type HistoryReason = (typeof HISTORY_REASONS)[number]

export function isHistoryReason(value: unknown): value is HistoryReason {
  return typeof value === 'string' && (HISTORY_REASONS as readonly string[]).includes(value)
}

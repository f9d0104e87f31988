/** Documented limits of the board model (see packages/board/SPEC.md). */
export const MAX_NOTE_TEXT_LENGTH = 2000
export const MAX_TITLE_LENGTH = 200
/** Coordinates beyond this are almost certainly a bug, and would break rendering maths. */
export const MAX_COORDINATE = 1_000_000
export const MIN_NOTE_SIZE = 60
export const MAX_NOTE_SIZE = 1200
export const DEFAULT_NOTE_SIZE = 160
export const MAX_AUTHOR_NAME_LENGTH = 80
export const MAX_CLUSTER_NAME_LENGTH = 120
/** Most dots one participant may be given in a vote. */
export const MAX_VOTE_BUDGET = 100
/** A cluster's frame, width and height. */
export const MIN_CLUSTER_SIZE = 120
export const MAX_CLUSTER_SIZE = 20_000

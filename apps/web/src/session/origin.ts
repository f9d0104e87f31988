/**
 * Transaction origins for this person's own board writes. The relay connection applies others'
 * changes with itself as origin; naming ours lets undo track exactly this person's edits.
 */

/** An edit the person made and may undo. */
export const LOCAL_ORIGIN = Symbol('samla.local-edit')

/** A local change that is not an edit of its own — raising a note that was picked up — so undo skips it. */
export const UNTRACKED_ORIGIN = Symbol('samla.local-untracked')
